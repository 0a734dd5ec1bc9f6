# error: ValueError: worker failed
import asyncio


async def worker():
    await asyncio.sleep(1)
    raise ValueError("worker failed")


async def main():
    t = asyncio.create_task(worker())
    await t


asyncio.run(main())
