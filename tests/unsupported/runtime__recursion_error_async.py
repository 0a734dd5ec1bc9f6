# error: RecursionError: maximum recursion depth exceeded
import asyncio


async def dive(n):
    return await dive(n + 1)


async def main():
    print(await dive(0))


asyncio.run(main())
