# refuse: asyncio.Semaphore (not yet)
import asyncio


async def main():
    sem = asyncio.Semaphore(2)
    async with sem:
        await asyncio.sleep(1)


asyncio.run(main())
