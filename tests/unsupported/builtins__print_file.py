# refuse: print(file=...)
import asyncio


async def main():
    print("to stderr", file=None)


asyncio.run(main())
