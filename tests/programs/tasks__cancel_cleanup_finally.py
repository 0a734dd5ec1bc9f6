# covers: cancelled task's cleanup in finally that itself awaits, CancelledError re-raised after cleanup, time of cleanup prints
import asyncio


async def worker(name):
    print(name, "working")
    try:
        await asyncio.sleep(10)
        print(name, "finished (not reached)")
    finally:
        print(name, "cleaning up")
        await asyncio.sleep(0.5)
        print(name, "cleanup done")


async def main():
    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await asyncio.sleep(1)
    for t in tasks:
        t.cancel()
    print("cancel sent to both")
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print(t.get_name(), "cancelled:", t.cancelled())
    print("main done")


asyncio.run(main())
