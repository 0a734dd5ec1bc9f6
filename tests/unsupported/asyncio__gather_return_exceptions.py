# refuse: asyncio.gather(return_exceptions=True) (not yet)
import asyncio


async def boom():
    raise ValueError("x")


async def main():
    print(await asyncio.gather(boom(), return_exceptions=True))


asyncio.run(main())
