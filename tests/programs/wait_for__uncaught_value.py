# covers: asyncio.wait_for outside try: the value of a call in time, then a TimeoutError nobody catches, which ends the program after the timed-out call's cleanup
import asyncio


async def lookup(name, seconds):
    await asyncio.sleep(seconds)
    return name.upper()


async def download():
    try:
        print("downloading")
        await asyncio.sleep(30)
        print("not reached")
    finally:
        print("download aborted")


async def main():
    found = await asyncio.wait_for(lookup("dns", 1), timeout=2)
    print("found", found)
    await asyncio.wait_for(lookup("cache", 0.5), 1)
    print("cache looked up")
    await asyncio.wait_for(download(), timeout=2.5)
    print("not reached")


asyncio.run(main())
