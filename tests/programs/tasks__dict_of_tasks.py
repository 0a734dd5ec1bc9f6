# covers: a dict of tasks by name, reading done() and cancelled() of its values(), cancelling one through tasks[name], awaiting each of its items()
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print("fetched", name)
    return len(name)


async def main():
    tasks = {n: asyncio.create_task(fetch(n, s)) for n, s in [("alpha", 2), ("be", 1), ("gamma", 3)]}
    await asyncio.sleep(1.5)
    print("done:", [t.done() for t in tasks.values()])
    tasks["gamma"].cancel()
    for name, t in tasks.items():
        try:
            await t
        except asyncio.CancelledError:
            print(name, "cancelled")
        print(name, "done:", t.done())
    print("cancelled:", [t.cancelled() for t in tasks.values()])


asyncio.run(main())
