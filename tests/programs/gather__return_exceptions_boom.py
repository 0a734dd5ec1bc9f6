import asyncio


async def boom():
    raise ValueError("x")


async def main():
    print(await asyncio.gather(boom(), return_exceptions=True))


asyncio.run(main())
