import asyncio


async def main():
    squares = [n * n async for n in evens(7)]
    print(squares)


async def evens(limit):
    for n in range(0, limit, 2):
        await asyncio.sleep(1)
        yield n


asyncio.run(main())
