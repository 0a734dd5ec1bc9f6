# covers: asyncio.as_completed over a list of tasks kept in a variable, its length read in the loop, the tasks' state read after it, tasks ending at the same instant
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    jobs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
    tasks = [asyncio.create_task(fetch(n, s)) for n, s in jobs]
    print("started", len(tasks))
    done = 0
    for fut in asyncio.as_completed(tasks):
        name = await fut
        done += 1
        print(f"{name} ({done} of {len(tasks)})")
    print([t.done() for t in tasks])
    await asyncio.sleep(1)
    print("after", len(tasks))


asyncio.run(main())
