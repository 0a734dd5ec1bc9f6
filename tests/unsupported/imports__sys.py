# refuse: sys.getsizeof
import asyncio
import sys


async def main():
    print(sys.getsizeof([]))


asyncio.run(main())
