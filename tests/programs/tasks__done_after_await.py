# covers: task.done() read after awaiting the task, awaited as a statement and inside print
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    return name.upper()


async def main():
    t = asyncio.create_task(work("first", 1))
    print("before", t.done())
    result = await t
    print(result, t.done())
    u = asyncio.create_task(work("second", 0.5))
    print(await u, u.done())


asyncio.run(main())
