import asyncio


async def worker(name, queue, results):
    while True:
        item = await queue.get()
        print(f"{name} got {item}")
        await asyncio.sleep(item)
        results.append((name, item))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in [3, 1, 2, 1, 1]:
        queue.put_nowait(item)
    print(queue.qsize(), queue.empty(), queue.full(), queue)
    results = []
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue, results)) for i in range(3)]
    await queue.join()
    print("joined", results)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=False) if False else None
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print(t.get_name(), "cancelled")
    print(queue)


asyncio.run(main())
