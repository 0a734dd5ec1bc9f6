import asyncio


async def stubborn(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(f"{name}: cleanup failed")
        raise RuntimeError(f"{name} could not clean up") from None


async def polite(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{name}: finally")


async def main():
    asyncio.create_task(stubborn("db"))
    asyncio.create_task(polite("cache"))
    await asyncio.sleep(1)
    print("main: done, leaving tasks behind")


asyncio.run(main())
print("after run")
