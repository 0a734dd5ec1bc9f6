# covers: create_task on a group that has finished (or was never entered) raises RuntimeError; a child made while the group waits in __aexit__ joins it
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")


async def spawner(tg):
    await asyncio.sleep(1)
    tg.create_task(job("late child", 1))
    print("spawned a late child")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg))
    print("group exited")
    coro = job("too late", 1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    await coro
    fresh = asyncio.TaskGroup()
    try:
        fresh.create_task(job("never", 1))
    except RuntimeError as e:
        print(f"RuntimeError: {e}")


asyncio.run(main())
