import asyncio


async def getter(name, q):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(f"g{i}", q), name=f"g{i}") for i in range(4)]
    await asyncio.sleep(0)
    print(q)
    # g0 is woken by the put, then cancelled before it runs: its turn passes on.
    q.put_nowait("a")
    tasks[0].cancel()
    # g2 is cancelled while still waiting.
    tasks[2].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(q)
    q.put_nowait("b")
    q.put_nowait("c")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks], q)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    for _ in range(2):
        q.task_done()
    try:
        for _ in range(3):
            q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
