# covers: done() and cancelled() of tasks after awaiting them (one kept in a variable, a list in a comprehension), a loop over a dict's keys
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} in {seconds}s"


async def main():
    delays = {"a": 2, "b": 1, "c": 3}
    for name in delays:
        print("queued", name)
    first = asyncio.create_task(fetch("first", 1))
    answer = await first
    print(answer, "done:", first.done())
    tasks = [asyncio.create_task(fetch(k, delays[k])) for k in delays]
    for t in tasks:
        print(await t)
    print("cancelled:", [t.cancelled() for t in tasks])


asyncio.run(main())
