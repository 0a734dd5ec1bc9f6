# refuse: asyncio.run_coroutine_threadsafe(...) from an executor's job
import asyncio


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


def job(loop):
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    return future.result(timeout=5)


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))


asyncio.run(main())
