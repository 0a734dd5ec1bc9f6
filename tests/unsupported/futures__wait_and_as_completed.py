# refuse: concurrent.futures.wait (await the jobs with asyncio.wrap_future, or read each future's result())
import asyncio
import concurrent.futures


def job(n):
    return n * n


async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        futures = [pool.submit(job, n) for n in range(3)]
        done, _ = concurrent.futures.wait(futures)
        print(sorted(f.result() for f in done))


asyncio.run(main())
