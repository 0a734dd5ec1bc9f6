# error: TypeError: exceptions must derive from BaseException
import asyncio


async def main():
    raise 5


asyncio.run(main())
