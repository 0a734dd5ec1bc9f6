# error: ValueError: sleep length must be non-negative
import asyncio
import time


async def main():
    time.sleep(-1)


asyncio.run(main())
