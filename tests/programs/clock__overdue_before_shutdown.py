import asyncio
import time


async def sleeper():
    await asyncio.sleep(0.5)
    print("sleeper woke")


async def spinner():
    for i in range(3):
        print(f"spin {i}")
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(sleeper())
    s = asyncio.create_task(spinner())
    await asyncio.sleep(0)
    print("blocking")
    time.sleep(1)
    print("unblocked")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("shutdown")


asyncio.run(main())
