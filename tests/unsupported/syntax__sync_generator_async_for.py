# refuse: `yield` in a sync function used with `async for`
import asyncio


def numbers():
    yield 1
    yield 2


async def main():
    async for n in numbers():
        print(n)


asyncio.run(main())
