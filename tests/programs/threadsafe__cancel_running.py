import asyncio
import concurrent.futures
import time


async def slow():
    try:
        print("slow starts")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow cancelled at", asyncio.get_running_loop().time())
        raise


def job(loop):
    future = asyncio.run_coroutine_threadsafe(slow(), loop)
    try:
        future.result(timeout=1)
    except TimeoutError:
        print("timed out; cancel:", future.cancel())
    time.sleep(0.5)
    try:
        future.result()
    except concurrent.futures.CancelledError:
        print("cancelled:", future.cancelled())
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))
    await asyncio.sleep(1)


asyncio.run(main())
