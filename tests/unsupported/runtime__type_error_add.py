# error: TypeError: unsupported operand type(s) for +: 'int' and 'str'
import asyncio


async def main():
    total = 1 + "2"
    print(total)


asyncio.run(main())
