# refuse: asyncio.wait (not yet)
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    done, pending = await asyncio.wait([t])
    print(len(done))


asyncio.run(main())
