# refuse: hash() (a built-in the engine lacks: the report must not claim CPython raises)
import asyncio


async def main():
    print(hash(1))


asyncio.run(main())
