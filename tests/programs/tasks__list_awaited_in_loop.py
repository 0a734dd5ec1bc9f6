# covers: tasks kept in a list and awaited in a loop, create_task in a list comprehension, results in creation order
import asyncio


async def fetch(page, seconds):
    print(f"fetch {page} started")
    await asyncio.sleep(seconds)
    print(f"fetch {page} done")
    return page * 10


async def main():
    durations = [3, 1, 2]
    tasks = []
    for page, seconds in enumerate(durations):
        tasks.append(asyncio.create_task(fetch(page, seconds)))
    results = []
    for t in tasks:
        value = await t
        print("awaited", value)
        results.append(value)
    print(results)
    more = [asyncio.create_task(fetch(p, 0.5)) for p in range(3, 5)]
    for t in more:
        print("more", await t)


asyncio.run(main())
