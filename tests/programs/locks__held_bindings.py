# covers: names bound inside `async with lock:` (a task, a value) read after the block, while the task waits for the lock
import asyncio


async def main():
    lock = asyncio.Lock()

    async def worker(name):
        async with lock:
            print(name, "has the lock")
            await asyncio.sleep(0.5)
        return name.upper()

    async with lock:
        t = asyncio.create_task(worker("w"))
        count = 3
        await asyncio.sleep(1)
        print("main releases at 1 with", count)
    print("after the block", count)
    print("worker gave", await t)


asyncio.run(main())
