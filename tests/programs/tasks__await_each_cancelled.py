# covers: cancelling a list of tasks, then awaiting each in a loop where `except asyncio.CancelledError` goes on to the next one; a task that ended first is not cancelled
import asyncio


async def worker(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "finished")
    return name


async def main():
    tasks = [asyncio.create_task(worker(f"w{i}", i)) for i in range(1, 4)]
    await asyncio.sleep(1.5)
    for t in tasks:
        t.cancel()
    print("cancel sent")
    cancelled = 0
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            cancelled += 1
            print("one cancelled, so far", cancelled)
    print("main done,", cancelled, "cancelled")


asyncio.run(main())
