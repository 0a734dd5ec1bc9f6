# covers: async comprehensions [x async for x in agen()], [await f(x) for x in ...], async generators, set/dict async comprehensions
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i


async def double(x):
    await asyncio.sleep(0.25)
    return x * 2


async def main():
    values = [x async for x in ticks(4)]
    print("collected", values)
    doubled = [await double(x) for x in values]
    print("doubled", doubled)
    odd = [x async for x in ticks(5) if x % 2 == 1]
    print("odd", odd)
    squares = {x: x * x async for x in ticks(3)}
    print("squares", squares)
    mods = {x % 2 async for x in ticks(4)}
    print("mods", mods)
    mixed = [await double(x) async for x in ticks(2)]
    print("mixed", mixed)


asyncio.run(main())
