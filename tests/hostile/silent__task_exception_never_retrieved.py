# logs: a task's exception nobody read is logged when its loop closes
import asyncio


async def fails():
    await asyncio.sleep(0.1)
    raise KeyError("k")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("main ends without reading the task")


asyncio.run(main())
