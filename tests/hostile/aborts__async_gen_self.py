# ends: RecursionError
import asyncio


async def agen():
    async for x in agen():
        yield x


async def main():
    async for x in agen():
        print(x)


asyncio.run(main())
