# error: asyncio.exceptions.CancelledError
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel()
    await t


asyncio.run(main())
