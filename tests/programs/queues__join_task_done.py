# covers: asyncio.Queue's task_done and join: every put is counted until a worker marks its item done; join waits for the last one, then the workers are cancelled
import asyncio


async def producer(q, count):
    for n in range(1, count + 1):
        await q.put(n * 10)
        print(f"put {n * 10}")
        await asyncio.sleep(0.15)


async def worker(name, seconds, q):
    while True:
        item = await q.get()
        print(f"{name} packs {item}")
        await asyncio.sleep(seconds)
        print(f"{name} ships {item}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    a = asyncio.create_task(worker("a", 0.35, q))
    b = asyncio.create_task(worker("b", 0.5, q))
    await producer(q, 6)
    print("all put, waiting for the workers")
    await q.join()
    print("every item shipped, left:", q.qsize())
    a.cancel()
    b.cancel()


asyncio.run(main())
