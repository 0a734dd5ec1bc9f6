# error: ZeroDivisionError: float division by zero
import asyncio


async def main():
    print(1.5 / 0)


asyncio.run(main())
