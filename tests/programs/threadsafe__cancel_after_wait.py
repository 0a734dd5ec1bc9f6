import asyncio
import time


async def slow(name, seconds):
    try:
        print(name, "starts")
        await asyncio.sleep(seconds)
        print(name, "ends")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


def job(loop):
    quick = asyncio.run_coroutine_threadsafe(slow("quick", 0.5), loop)
    value = quick.result(timeout=2)
    print("quick gave", value)
    print("cancel quick:", quick.cancel(), quick.cancelled(), quick.done())
    late = asyncio.run_coroutine_threadsafe(slow("late", 5), loop)
    try:
        late.result(timeout=1)
    except TimeoutError:
        print("late timed out")
        late.cancel()
    time.sleep(0.5)
    print("late:", late.cancelled(), late.done())
    return "job done"


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, job, loop))


asyncio.run(main())
