import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(job, n) for n in (3, 1, 2)]
        wrapped = [asyncio.wrap_future(f) for f in futures]
        done, pending = await asyncio.wait(wrapped, return_when=asyncio.FIRST_COMPLETED)
        print(f"first: {[f.result() for f in done]} at {loop.time():g}, {len(pending)} pending")
        for next_done in asyncio.as_completed(pending):
            print(f"then: {await next_done} at {loop.time():g}")
        print([f.result() for f in futures])


asyncio.run(main())
