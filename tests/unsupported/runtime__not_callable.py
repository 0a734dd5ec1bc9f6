# error: TypeError: 'int' object is not callable
import asyncio


async def main():
    count = 3
    count()


asyncio.run(main())
