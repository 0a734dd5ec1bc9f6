# error: TypeError: fetch() takes 1 positional argument but 2 were given
import asyncio


async def fetch(x):
    await asyncio.sleep(x)


async def main():
    await fetch(1, 2)


asyncio.run(main())
