import asyncio


async def job(n, sem, t):
    print(f"job {n} waits (locked={sem.locked()})")
    try:
        async with sem:
            print(f"job {n} runs")
            await asyncio.sleep(t)
    except asyncio.CancelledError:
        print(f"job {n} cancelled")
        raise
    print(f"job {n} done")


async def main():
    sem = asyncio.Semaphore(2)
    print(repr(sem).split(" [")[1])
    tasks = [asyncio.create_task(job(i, sem, 1 + i % 2)) for i in range(6)]
    await asyncio.sleep(0)
    print(repr(sem).split(" [")[1])
    tasks[3].cancel()
    await asyncio.sleep(1)
    tasks[4].cancel()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass
    print(repr(sem).split(" [")[1])
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
