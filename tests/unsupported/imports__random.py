# refuse: import random
import asyncio
import random


async def main():
    await asyncio.sleep(random.random())


asyncio.run(main())
