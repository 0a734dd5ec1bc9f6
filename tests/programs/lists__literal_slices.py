# covers: slices with literal bounds of lists, strings and tuples: xs[a:b], xs[a:], xs[:b], xs[a:b:k], xs[-n:], xs[:-n], xs[::-1], xs[::-k], bounds past the end
import asyncio


async def reading(i):
    await asyncio.sleep(0.5)
    return i * i % 7


async def main():
    readings = []
    for i in range(8):
        readings.append(await reading(i))
        recent = readings[-3:]
        print(i, recent, readings[:2], readings[10:])
    print(readings[2:5], readings[::2], readings[1:7:3], readings[:-5])
    print(readings[::-1], readings[::-3], readings[5:2])
    word = "asyncio"
    print(word[:5], word[5:], word[1:4], word[::-1], word[-3:], word[::2], word[:-4])
    point = (3, 4, 5, 6)
    print(point[1:3], point[-2:], point[::-2], point[:1])


asyncio.run(main())
