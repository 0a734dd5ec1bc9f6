# covers: an uncaught TimeoutError from asyncio.wait_for (stderr's last line is just "TimeoutError"), cleanup of the timed-out coroutine
import asyncio


async def download():
    try:
        print("downloading")
        await asyncio.sleep(30)
    finally:
        print("download aborted")


async def main():
    print("starting with a 2.5s limit")
    await asyncio.wait_for(download(), timeout=2.5)
    print("not reached")


asyncio.run(main())
