# error: ZeroDivisionError: division by zero
import asyncio


async def main():
    print(1 / 0)


asyncio.run(main())
