import asyncio


async def producer(q, n):
    for i in range(n):
        print(f"put {i} (size {q.qsize()}, full {q.full()})")
        await q.put(i)
    print("producer done")


async def consumer(name, q):
    while True:
        item = await q.get()
        print(f"{name} took {item}")
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q)
    p1 = asyncio.create_task(producer(q, 5))
    p2 = asyncio.create_task(producer(q, 2))
    await asyncio.sleep(0)
    print("after one round:", q)
    c = asyncio.create_task(consumer("c", q))
    await asyncio.gather(p1, p2)
    await q.join()
    print("all done", q)
    c.cancel()
    try:
        q.put_nowait(1)
        q.put_nowait(2)
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e), q.qsize())


asyncio.run(main())
