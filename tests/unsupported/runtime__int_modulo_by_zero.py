# error: ZeroDivisionError: integer modulo by zero
import asyncio


async def main():
    print(7 % 0)


asyncio.run(main())
