# covers: async comprehensions whose values await: a list, a dict, a set of remainders, tests
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i


async def double(x):
    await asyncio.sleep(0.25)
    return x * 2


async def main():
    plus = [await double(x) + 1 async for x in ticks(3) if x != 1]
    print("plus", plus)
    table = {x: await double(x) async for x in ticks(3)}
    print("table", table)
    rems = {x % 3 async for x in ticks(5) if x > 0}
    print("rems", rems)
    names = {f"n{x}": x * 10 async for x in ticks(2)}
    print("names", names)


asyncio.run(main())
