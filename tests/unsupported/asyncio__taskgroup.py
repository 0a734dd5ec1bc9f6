# refuse: asyncio.TaskGroup (not yet)
import asyncio


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(1))
    print("done")


asyncio.run(main())
