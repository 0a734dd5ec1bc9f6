# covers: a producer and two consumers over an asyncio.Queue with maxsize (put waits when full), task_done/join, sentinels to stop the consumers
import asyncio


async def producer(queue, count):
    for i in range(count):
        await queue.put(i)
        print(f"produced {i} (queue size {queue.qsize()})")
        await asyncio.sleep(0.1)
    for _ in range(2):
        await queue.put(None)


async def consumer(name, queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        await asyncio.sleep(0.35)
        total += item
        print(f"{name} consumed {item}")
        queue.task_done()
    print(f"{name} done, total {total}")
    return total


async def main():
    queue = asyncio.Queue(maxsize=3)
    consumers = [
        asyncio.create_task(consumer("A", queue)),
        asyncio.create_task(consumer("B", queue)),
    ]
    await producer(queue, 8)
    await queue.join()
    totals = await asyncio.gather(*consumers)
    print("totals", totals, "sum", sum(totals))


asyncio.run(main())
