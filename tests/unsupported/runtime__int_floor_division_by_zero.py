# error: ZeroDivisionError: integer division or modulo by zero
import asyncio


async def main():
    print(7 // 0)


asyncio.run(main())
