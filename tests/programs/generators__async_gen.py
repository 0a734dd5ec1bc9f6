# covers: async generators (yield inside async def with awaits), async for, break out of async for, async generator with arguments
import asyncio


async def ticker(name, period, count):
    for i in range(count):
        await asyncio.sleep(period)
        yield f"{name}-{i}"


async def readings(values):
    for v in values:
        await asyncio.sleep(0.5)
        if v < 0:
            continue
        yield v


async def main():
    async for tick in ticker("clock", 1, 3):
        print("got", tick)
    total = 0
    async for v in readings([3, -1, 4, -5, 9]):
        total += v
        print("reading", v, "running total", total)
    async for tick in ticker("long", 0.25, 100):
        print("got", tick)
        if tick.endswith("2"):
            print("enough")
            break
    print([t async for t in ticker("quick", 0.1, 3)])


asyncio.run(main())
