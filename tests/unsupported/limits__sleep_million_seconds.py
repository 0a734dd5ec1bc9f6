# limit: a program that sleeps 10**6 seconds in total
import asyncio


async def main():
    for day in range(1000):
        await asyncio.sleep(1000)
    print("a million seconds later")


asyncio.run(main())
