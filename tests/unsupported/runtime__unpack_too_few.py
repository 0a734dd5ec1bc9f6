# error: ValueError: not enough values to unpack (expected 3, got 2)
import asyncio


async def main():
    a, b, c = (1, 2)
    print(a, b, c)


asyncio.run(main())
