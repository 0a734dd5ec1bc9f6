# covers: slices with negative bounds and negative steps clamp to short lists and strings as Python clamps them
import asyncio


async def main():
    for xs in [[], [7], [1, 2, 3], [1, 2, 3, 4, 5, 6, 7]]:
        print(xs[-5:-2], xs[1:-1], xs[-2:10], xs[-6:5:2])
        print(xs[4:1:-1], xs[:-4:-2], xs[-2::-1], xs[5:-3:-1], xs[2::-2])
        await asyncio.sleep(1)
    for sample in ["", "ab", "asyncio"]:
        print(repr(sample[5:1:-2]), repr(sample[-1:0:-1]), repr(sample[-4:-1]), repr(sample[:-8:-3]))
    big = [1, 2, 3]
    word = "héllo"
    print(big[9223372036854775807:-9223372036854775807:-9223372036854775807], big[-9223372036854775807::-1])
    print(word[::-9223372036854775807], word[-1:-9223372036854775807:-2], big[:9223372036854775807:9223372036854775807])
    try:
        print("abc"[1], "abc"[-3])
        text = "abc"
        print(text[3])
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
