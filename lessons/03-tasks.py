import asyncio


async def job(name, seconds):
    print(f"{name}: started")
    await asyncio.sleep(seconds)
    print(f"{name}: finished")
    return f"{name} ok"


async def main():
    t = asyncio.create_task(job("download", 2))
    print("main: task created")
    print("main: still running; the task has not started")
    await asyncio.sleep(1)
    print("main: did one second of other work")
    result = await t
    print(f"main: the task returned {result}")


asyncio.run(main())
