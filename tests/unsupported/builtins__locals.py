# refuse: locals()
import asyncio


async def main():
    x = 1
    print(locals())


asyncio.run(main())
