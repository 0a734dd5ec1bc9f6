import asyncio


async def worker(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} done")


async def main():
    # Children that wake at the same instant resume in the order spawned.
    async with asyncio.TaskGroup() as tg:
        for name in ["a", "b", "c"]:
            tg.create_task(worker(name, 1))
        print("main: children spawned")
        await asyncio.sleep(0.5)
        print("main: body done, the group waits")
    print("main: group over")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("slow", 2))
        tg.create_task(worker("fast", 1))
    print("main: second group over")


asyncio.run(main())
