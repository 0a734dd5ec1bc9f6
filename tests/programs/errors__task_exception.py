# covers: an exception escaping an awaited task propagates out of asyncio.run, other tasks get cancelled, finally blocks run
import asyncio


async def flaky(name):
    await asyncio.sleep(1)
    raise RuntimeError(f"{name} crashed")


async def steady():
    try:
        while True:
            await asyncio.sleep(0.4)
            print("steady tick")
    finally:
        print("steady cancelled during shutdown")


async def main():
    asyncio.create_task(steady())
    t = asyncio.create_task(flaky("uploader"))
    await t
    print("not reached")


asyncio.run(main())
