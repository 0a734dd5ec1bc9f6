import asyncio


async def worker():
    print("worker running")
    await asyncio.sleep(1)
    print("worker done")


async def main():
    task = asyncio.create_task(worker())
    print("task scheduled")
    await asyncio.sleep(0)
    print("main continues")
    await task


asyncio.run(main())
