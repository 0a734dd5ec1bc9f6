# refuse: sys.version
import asyncio
import sys


async def main():
    print(sys.version)


asyncio.run(main())
