# ends: not supported yet: concurrent.futures.wait() for a job the event loop has not ended yet
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
