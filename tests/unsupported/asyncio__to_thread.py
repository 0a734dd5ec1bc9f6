# refuse: asyncio.to_thread
import asyncio
import time


async def main():
    await asyncio.to_thread(time.sleep, 1)
    print("done")


asyncio.run(main())
