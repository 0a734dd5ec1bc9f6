# refuse: concurrent.futures.Executor (the executors are ThreadPoolExecutor and ProcessPoolExecutor)
import asyncio
import concurrent.futures


async def main():
    future = concurrent.futures.Executor()
    print(future)


asyncio.run(main())
