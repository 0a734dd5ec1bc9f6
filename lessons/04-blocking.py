import asyncio
import time


async def ticker():
    for i in [1, 2, 3]:
        await asyncio.sleep(1)
        print(f"tick {i} (due at t={i})")


async def blocker():
    await asyncio.sleep(0.5)
    print("blocker: calling time.sleep(2)")
    time.sleep(2)
    print("blocker: block over")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ticker())
        tg.create_task(blocker())


asyncio.run(main())
