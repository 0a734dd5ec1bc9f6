# error: ValueError: too many values to unpack (expected 2)
import asyncio


async def main():
    a, b = [1, 2, 3]
    print(a, b)


asyncio.run(main())
