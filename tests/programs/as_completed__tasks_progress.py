# covers: asyncio.as_completed over tasks with distinct finish times, progress counter, task.done() of the inputs afterwards, elapsed time with time.perf_counter()
import asyncio
import time


async def download(name, size):
    await asyncio.sleep(size / 10)
    return name, size


async def main():
    t0 = time.perf_counter()
    files = [("big.iso", 40), ("small.txt", 5), ("medium.zip", 20)]
    tasks = [asyncio.create_task(download(n, s)) for n, s in files]
    total = 0
    for i, fut in enumerate(asyncio.as_completed(tasks)):
        name, size = await fut
        total += size
        print(f"[{i + 1}/{len(tasks)}] {name:<11} {size:>3} MB, total {total} MB")
    print([t.done() for t in tasks])
    print(f"took {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
