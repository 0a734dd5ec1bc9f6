# ends: ValueError: Invalid value NaN (not a number)
import asyncio
import time


async def main():
    await asyncio.to_thread(time.sleep, float("nan"))


asyncio.run(main())
