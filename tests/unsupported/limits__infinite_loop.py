# limit: an infinite `while True` loop without await
import asyncio


async def main():
    n = 0
    while True:
        n += 1


asyncio.run(main())
