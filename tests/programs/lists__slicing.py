# covers: indexing (negative), slicing (with steps, negative), string slicing, slice assignment-free copies
import asyncio


async def main():
    letters = list("abcdefgh")
    print(letters[0], letters[-1], letters[-3])
    print(letters[2:5], letters[:3], letters[5:], letters[:])
    print(letters[::2], letters[1::2], letters[::-1])
    print(letters[-3:], letters[:-3], letters[-5:-2])
    print(letters[6:2:-1], letters[::-3], letters[10:], letters[3:3])
    word = "asyncio"
    print(word[0], word[-1], word[1:4], word[::-1], word[-3:])
    print(word[::2], word[5:1:-2])
    t = (10, 20, 30, 40, 50)
    print(t[1:3], t[-2:], t[::-2])
    try:
        print(letters[8])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(word[-8])
    except IndexError as e:
        print("IndexError:", e)
    window = []
    for i in range(6):
        await asyncio.sleep(1)
        window.append(i * i)
        window = window[-3:]
        print("window", window)


asyncio.run(main())
