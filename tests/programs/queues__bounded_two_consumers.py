# covers: a bounded asyncio.Queue shared by a producer and two consumers: put waits while the queue is full, qsize/full/empty, consumers cancelled at the end
import asyncio


async def producer(q, count):
    for n in range(1, count + 1):
        await q.put(n)
        print(f"put {n}: {q.qsize()} waiting, full {q.full()}")
        await asyncio.sleep(0.1)
    print("producer done")


async def consumer(name, seconds, q):
    while True:
        item = await q.get()
        print(f"{name} takes {item}")
        await asyncio.sleep(seconds)
        print(f"{name} done with {item}")


async def main():
    q = asyncio.Queue(maxsize=2)
    fast = asyncio.create_task(consumer("fast", 0.35, q))
    slow = asyncio.create_task(consumer("slow", 0.55, q))
    await producer(q, 7)
    await asyncio.sleep(2)
    print("empty:", q.empty(), q.qsize())
    fast.cancel()
    slow.cancel()


asyncio.run(main())
