import asyncio
import time


async def add(a, b):
    print(f"add({a}, {b}) starts")
    await asyncio.sleep(1)
    print(f"add({a}, {b}) ends")
    return a + b


def job(loop):
    print("job starts")
    time.sleep(0.5)
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    print("job waits")
    value = future.result()
    print(f"job got {value} at {time.perf_counter():.1f}")
    time.sleep(0.25)
    future = asyncio.run_coroutine_threadsafe(add(value, 4), loop)
    value = future.result(timeout=5)
    print(f"job got {value}, done: {future.done()}")
    return value * 10


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker())
    print("result:", await asyncio.to_thread(job, loop))
    await tick


asyncio.run(main())
