# limit: a huge recursive gather over range(100000) building lists
import asyncio

async def build(n):
    if n == 0:
        return []
    rest = await asyncio.gather(*(build(n - 1) for _ in range(100000)))
    return [n] + rest

async def main():
    print(len(await build(3)))

asyncio.run(main())
