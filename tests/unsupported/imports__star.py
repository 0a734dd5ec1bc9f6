# refuse: star-import from asyncio import *
from asyncio import *


async def main():
    await sleep(1)
    print("slept")


run(main())
