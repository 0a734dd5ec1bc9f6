# refuse: asyncio.Event (not yet)
import asyncio


async def main():
    ev = asyncio.Event()
    ev.set()
    await ev.wait()


asyncio.run(main())
