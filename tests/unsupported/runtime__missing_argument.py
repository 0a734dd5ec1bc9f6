# error: TypeError: fetch() missing 1 required positional argument: 'x'
import asyncio


async def fetch(x):
    await asyncio.sleep(x)


async def main():
    await fetch()


asyncio.run(main())
