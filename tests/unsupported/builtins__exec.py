# refuse: exec
import asyncio


async def main():
    exec("print('hi')")


asyncio.run(main())
