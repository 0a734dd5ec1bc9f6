# refuse: asyncio.shield (not yet)
import asyncio


async def main():
    await asyncio.shield(asyncio.sleep(1))


asyncio.run(main())
