# covers: a delay computed at run time (an int parameter given an expression, or scaled by a literal), a negative one sleeping no time as asyncio's does
import asyncio


async def wait(name, seconds):
    await asyncio.sleep(seconds)
    loop = asyncio.get_running_loop()
    print(name, "waited", seconds, "until", loop.time())
    return seconds


async def tick(name, tenths):
    await asyncio.sleep(tenths / 10)
    print(name, "ticked", tenths)
    return tenths * 2


async def main():
    start = 3
    print(await wait("first", start - 1))
    print(await wait("late", 1 - start))
    print(await wait("last", len("abc")))
    print(await tick("short", start + 2), await tick("back", -start))


asyncio.run(main())
