# covers: done() of each task of a list (a comprehension), cancel() of a list's item, a loop awaiting each task that goes on past a cancelled one
import asyncio


async def work(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise
    return n * 10


async def main():
    tasks = [asyncio.create_task(work(n)) for n in [1, 2, 3]]
    await asyncio.sleep(1.5)
    print([t.done() for t in tasks])
    tasks[2].cancel()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print("a task was cancelled")
    print([t.done() for t in tasks])


asyncio.run(main())
