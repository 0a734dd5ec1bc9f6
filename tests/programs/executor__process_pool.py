# covers: a ProcessPoolExecutor of 2 reused for two rounds of CPU-bound jobs; the default executor (None) beside it; time.perf_counter inside a job reads the job's clock
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(n):
    start = time.perf_counter()
    time.sleep(n * 0.5)
    total = sum(i * i for i in range(n * 1000))
    return n, total, round(time.perf_counter() - start, 2)


def log_line(text):
    print(f"log: {text}")


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        for round_no in (1, 2):
            t0 = loop.time()
            jobs = [loop.run_in_executor(pool, crunch, n) for n in (1, 2, 3)]
            await loop.run_in_executor(None, log_line, f"round {round_no} submitted")
            for result in await asyncio.gather(*jobs):
                print(result)
            print(f"round {round_no} took {loop.time() - t0}s")


asyncio.run(main())
