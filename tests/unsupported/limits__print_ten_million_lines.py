# limit: a program printing 10**7 lines
import asyncio


async def main():
    for i in range(10**7):
        print(i)


asyncio.run(main())
