# covers: cancelling a task that awaits another task cancels that task too
import asyncio


async def worker():
    await asyncio.sleep(2)
    print("worker done")


async def waiter(t):
    await t


async def main():
    t = asyncio.create_task(worker())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(2)
    print("end", t.cancelled(), w.cancelled())


asyncio.run(main())
