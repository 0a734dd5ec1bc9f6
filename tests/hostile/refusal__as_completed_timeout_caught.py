# ends: as_completed's 'timeout=' is not
import asyncio


async def main():
    try:
        for x in asyncio.as_completed([asyncio.sleep(1)], timeout=3):
            await x
    except Exception as e:
        print("caught", repr(e))


asyncio.run(main())
