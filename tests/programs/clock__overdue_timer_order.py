import asyncio
import time


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke")


async def spinner():
    for i in range(4):
        print(f"spin {i}")
        await asyncio.sleep(0)


async def blocker():
    await asyncio.sleep(0.1)
    print("block")
    time.sleep(1)
    print("block over")
    await asyncio.sleep(0)
    print("blocker goes on")


async def main():
    tasks = [
        asyncio.create_task(sleeper("b", 0.5)),
        asyncio.create_task(sleeper("a", 0.3)),
        asyncio.create_task(sleeper("c", 0.5)),
        asyncio.create_task(blocker()),
        asyncio.create_task(sleeper("d", 1.05)),
        asyncio.create_task(sleeper("e", 1.2)),
    ]
    await asyncio.sleep(0.1)
    asyncio.create_task(spinner())
    await asyncio.sleep(1.0)
    print("main wakes")
    for t in tasks:
        await t
    print("done")


asyncio.run(main())
