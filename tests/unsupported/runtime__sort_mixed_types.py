# error: TypeError: '<' not supported between instances of 'str' and 'int'
import asyncio


async def main():
    print(sorted([3, "a", 1]))


asyncio.run(main())
