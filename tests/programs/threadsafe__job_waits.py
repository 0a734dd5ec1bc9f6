# covers: a job on a thread runs coroutines on the event loop with run_coroutine_threadsafe and waits for their results, while a task ticks
import asyncio
import time


async def add(a, b):
    print(f"add({a}, {b}) starts")
    await asyncio.sleep(1)
    return a + b


def job(loop):
    print("job starts")
    time.sleep(0.5)
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    print("job waits")
    value = future.result()
    print(f"job got {value}")
    total = asyncio.run_coroutine_threadsafe(add(value, 4), loop).result()
    return total * 10


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker())
    print("result:", await asyncio.to_thread(job, loop))
    await tick


asyncio.run(main())
