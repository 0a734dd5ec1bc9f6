# error: TypeError: object int can't be used in 'await' expression
import asyncio


async def main():
    await 1


asyncio.run(main())
