# refuse: vars() without an argument
import asyncio


async def main():
    x = 1
    print(vars())


asyncio.run(main())
