# limit: `[0] * 10**10`
import asyncio


async def main():
    zeros = [0] * 10**10
    print(len(zeros))


asyncio.run(main())
