# ends: not supported yet: waiting for a concurrent.futures.Future outside an executor's job
import asyncio


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    # The loop would wait for itself (CPython blocks it until the timeout).
    print(future.result(timeout=5))


asyncio.run(main())
