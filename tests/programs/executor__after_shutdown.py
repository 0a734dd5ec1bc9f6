# covers: a pool's `with` block shuts it down as it ends, waiting for its jobs; a job handed to it after raises RuntimeError at once
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def work(name, seconds):
    time.sleep(seconds)
    print(f"{name} done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, work, "a", 1))
    try:
        await loop.run_in_executor(pool, work, "b", 1)
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    print("main ends at", loop.time())


asyncio.run(main())
