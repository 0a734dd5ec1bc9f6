# covers: main's timer created before a new task's timer wins a tie, create_task then sleep, ordering at the same instant
import asyncio


async def task_body(name):
    await asyncio.sleep(1)
    print(name, "woke")


async def main():
    t = asyncio.create_task(task_body("task"))
    await asyncio.sleep(1)
    print("main woke (its timer was created before the task even started)")
    await t
    await asyncio.sleep(0)
    u = asyncio.create_task(task_body("task2"))
    await asyncio.sleep(0)
    await asyncio.sleep(1)
    print("main woke after task2 this time")
    await u


asyncio.run(main())
