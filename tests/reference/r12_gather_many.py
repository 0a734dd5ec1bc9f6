import asyncio


async def double(x):
    await asyncio.sleep(1)
    return x * 2


async def main():
    values = await asyncio.gather(*(double(n) for n in [1, 2, 3, 4, 5]))
    print(values)


asyncio.run(main())
