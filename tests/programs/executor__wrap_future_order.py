import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(name, seconds):
    time.sleep(seconds)
    return name


async def via_executor(loop, pool):
    print("executor:", await loop.run_in_executor(pool, job, "executor", 1))


async def via_wrap(pool):
    print("wrapped:", await asyncio.wrap_future(pool.submit(job, "wrapped", 1)))


async def bystander():
    for i in range(4):
        print("bystander", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        await asyncio.gather(via_wrap(pool), via_executor(loop, pool), bystander())
        busy = pool.submit(job, "busy", 2)
        other = pool.submit(job, "other", 2)
        queued = pool.submit(job, "queued", 1)
        print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
        print("cancel running:", busy.cancel(), busy.running())
        print(busy.result(), other.result(), f"at {loop.time():g}")
        w = asyncio.wrap_future(pool.submit(job, "late", 1))
        print(asyncio.wrap_future(w) is w)
        print(await w)


asyncio.run(main())
