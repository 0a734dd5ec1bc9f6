# covers: a list of tasks gathered where one raises: the others run on, and each is read later by its index (await tasks[i], tasks[i].result()), the failed one raising again
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    if name == "mirror":
        raise ValueError(name + " refused")
    print("fetched", name)
    return name.upper()


async def count(n):
    await asyncio.sleep(0.5)
    return n * 10


async def main():
    tasks = [asyncio.create_task(fetch(n, s)) for n, s in [("index", 1), ("mirror", 2), ("archive", 3)]]
    try:
        print(await asyncio.gather(*tasks))
    except ValueError as e:
        print("gather failed:", e)
    print([t.done() for t in tasks], len(tasks))
    print("archive gives", await tasks[2])
    print(tasks[0].result(), [t.done() for t in tasks])
    try:
        print(await tasks[1])
    except ValueError as e:
        print("read again:", e)

    counts = [asyncio.create_task(count(i)) for i in range(3)]
    print(await asyncio.gather(*counts), counts[1].result(), await counts[2])


asyncio.run(main())
