# error: TypeError: fetch() got an unexpected keyword argument 'timeout'
import asyncio


async def fetch(url):
    return url


async def main():
    await fetch(url="a", timeout=3)


asyncio.run(main())
