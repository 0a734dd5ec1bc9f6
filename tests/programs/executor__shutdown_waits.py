# covers: leaving `with pool:` with jobs still running blocks the event loop until they end (shutdown(wait=True)); the workers print during the block; queued jobs start as workers free up
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def chore(name, seconds):
    print(f"{name} starts")
    time.sleep(seconds)
    print(f"{name} done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, chore, n, s) for n, s in (("one", 1), ("two", 2), ("three", 0.5))]
        print("leaving the with block")
    print(f"pool shut down at t={loop.time()}")
    print(await asyncio.gather(*futs))


asyncio.run(main())
