import asyncio
import concurrent.futures
import time


async def slow():
    print("slow starts")
    await asyncio.sleep(2)
    print("slow ends")
    return "late"


def job(loop):
    future = asyncio.run_coroutine_threadsafe(slow(), loop)
    try:
        future.result(timeout=0.5)
    except TimeoutError:
        print(f"timed out at {time.perf_counter()}")
    print("done yet?", future.done())
    try:
        future.result(0.5)
    except concurrent.futures.TimeoutError as e:
        print("again:", type(e).__name__, repr(e))
    return future.result()


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, job, loop))


asyncio.run(main())
