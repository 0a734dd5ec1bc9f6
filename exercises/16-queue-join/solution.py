import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(job)
        print(f"{name} finished a {job} s job")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [1, 2, 1, 3]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in (1, 2)]
    await queue.join()
    print("all jobs done")
    for w in workers:
        w.cancel()


asyncio.run(main())
