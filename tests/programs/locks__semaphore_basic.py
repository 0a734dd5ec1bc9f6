import asyncio


async def main():
    sem = asyncio.Semaphore(2)
    async with sem:
        print("inside", sem.locked())
        await asyncio.sleep(1)
    print("outside", sem.locked())


asyncio.run(main())
