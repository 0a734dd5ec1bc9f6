import asyncio
import sys


async def worker():
    try:
        sys.exit(3)
    except BaseException as e:
        print("caught", repr(e))


async def main():
    await asyncio.create_task(worker())


asyncio.run(main())
