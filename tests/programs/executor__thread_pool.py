# covers: a ThreadPoolExecutor of 2 workers runs 3 blocking jobs: two at once, the third queued until a worker frees; time.sleep in a job does not block the event loop
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(name, seconds):
    print(f"{name} starts on a worker")
    time.sleep(seconds)
    print(f"{name} done after {seconds}s")
    return name.upper()


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    with ThreadPoolExecutor(max_workers=2) as pool:
        start = time.perf_counter()
        results = await asyncio.gather(
            loop.run_in_executor(pool, blocking, "a", 2),
            loop.run_in_executor(pool, blocking, "b", 1),
            loop.run_in_executor(pool, blocking, "c", 1.5),
        )
        print(results, f"in {time.perf_counter() - start:.1f}s")
        again = await loop.run_in_executor(pool, blocking, "d", 0.5)
        print(again)
    await t


asyncio.run(main())
