import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

inner = ThreadPoolExecutor(max_workers=2)


def step(name, seconds):
    time.sleep(seconds)
    return f"{name} after {seconds}"


def job(name):
    print(f"{name}: start at {time.perf_counter():g}")
    first = inner.submit(step, f"{name}.1", 1)
    print(first.result())
    results = list(inner.map(step, [f"{name}.2", f"{name}.3"], [0.5, 0.25]))
    print(results, f"at {time.perf_counter():g}")
    return name


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(1)


async def main():
    ticks = asyncio.create_task(ticker())
    print(await asyncio.gather(asyncio.to_thread(job, "a"), asyncio.to_thread(job, "b")))
    await ticks


asyncio.run(main())
inner.shutdown()
