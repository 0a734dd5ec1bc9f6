# covers: timer ties (two tasks sleeping to the same instant print in creation order of their timers), create_task order
import asyncio


async def sleeper(name, *delays):
    for d in delays:
        await asyncio.sleep(d)
    print(name, "wakes at", asyncio.get_running_loop().time())


async def main():
    tasks = [
        asyncio.create_task(sleeper("first", 2)),
        asyncio.create_task(sleeper("second", 2)),
        asyncio.create_task(sleeper("split", 1, 1)),
        asyncio.create_task(sleeper("third", 2)),
        asyncio.create_task(sleeper("halves", 0.5, 0.5, 0.5, 0.5)),
    ]
    for t in tasks:
        await t


asyncio.run(main())
