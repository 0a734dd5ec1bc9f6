# covers: same-instant order: children run in creation order, the parent resumes after the last child's done-callback, a ticker outside the group interleaves as in CPython
import asyncio


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def step(name):
    print(f"{name} starts")
    await asyncio.sleep(1)
    print(f"{name} ends")


async def yielder():
    for i in range(3):
        print(f"yield {i}")
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(ticker())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("a"))
        tg.create_task(step("b"))
        tg.create_task(yielder())
        print("body ends")
    print("group done")
    await asyncio.sleep(1)


asyncio.run(main())
