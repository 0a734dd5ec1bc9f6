# error: RecursionError: maximum recursion depth exceeded
import asyncio


def countdown(n):
    return countdown(n - 1)


async def main():
    print(countdown(10))


asyncio.run(main())
