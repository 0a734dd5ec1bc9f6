# covers: asyncio.gather(*generator expression), gather(*list), sum of results, dict from zip of results
import asyncio


async def square_later(n):
    await asyncio.sleep(1 / (n + 1))
    print("square", n)
    return n * n


async def main():
    results = await asyncio.gather(*(square_later(n) for n in range(5)))
    print(results, sum(results))
    coros = [square_later(n) for n in [7, 8]]
    more = await asyncio.gather(*coros)
    print(more)
    names = ["a", "b", "c"]
    sizes = await asyncio.gather(*[asyncio.sleep(0.1 * i, result=len(n) * i) for i, n in enumerate(names)])
    print(dict(zip(names, sizes)))


asyncio.run(main())
