# refuse: loop.run_in_executor (threads/executors)
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 1)


asyncio.run(main())
