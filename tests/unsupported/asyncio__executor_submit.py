# error: TypeError: ThreadPoolExecutor.submit() is not supported: a demo awaits its jobs, with `await loop.run_in_executor(pool, fn, *args)`
import asyncio
from concurrent.futures import ThreadPoolExecutor


def work():
    return 1


async def main():
    with ThreadPoolExecutor() as pool:
        future = pool.submit(work)
        print(future.result())


asyncio.run(main())
