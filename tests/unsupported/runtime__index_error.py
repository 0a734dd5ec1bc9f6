# error: IndexError: list index out of range
import asyncio


async def main():
    items = [1, 2, 3]
    print(items[3])


asyncio.run(main())
