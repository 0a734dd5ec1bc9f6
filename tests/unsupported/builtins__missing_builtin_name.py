# refuse: memoryview() (a built-in the engine lacks: the report must not claim CPython raises)
import asyncio


async def main():
    print(memoryview(b"ab"))


asyncio.run(main())
