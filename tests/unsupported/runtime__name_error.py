# error: NameError: name 'x' is not defined
import asyncio


async def main():
    print(x)


asyncio.run(main())
