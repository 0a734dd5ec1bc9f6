# limit: `2 ** 10**10`
import asyncio


async def main():
    n = 2 ** 10**10
    print(n % 10)


asyncio.run(main())
