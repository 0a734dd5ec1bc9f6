# covers: awaiting a gather that is already done (of nothing, or after its children ended) returns at once, with no round for other tasks
import asyncio


async def other(n):
    print(f"other {n} runs")


async def main():
    asyncio.create_task(other(1))
    await asyncio.gather()
    print("after an empty gather")
    g = asyncio.gather(other(2))
    await asyncio.sleep(0.5)
    asyncio.create_task(other(3))
    await g
    print("after a finished gather")
    await asyncio.sleep(0)


asyncio.run(main())
