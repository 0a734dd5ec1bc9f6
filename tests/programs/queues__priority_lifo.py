import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (0, "z"), (2, "b2")]:
        await pq.put(item)
    print(pq)
    out = []
    while not pq.empty():
        out.append(pq.get_nowait())
    print(out)
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        lq.put_nowait(i)
    print(lq, lq.full())
    print([await lq.get() for _ in range(3)])

    async def waiter(q, name):
        print(name, "waits")
        print(name, "got", await q.get())

    tasks = [asyncio.create_task(waiter(pq, n)) for n in "xyz"]
    await asyncio.sleep(0)
    for item in [(9, "late"), (4, "mid"), (1, "early")]:
        pq.put_nowait(item)
    await asyncio.gather(*tasks)


asyncio.run(main())
