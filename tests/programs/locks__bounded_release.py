import asyncio


async def worker(n, sem):
    async with sem:
        print("worker", n, "in, locked:", sem.locked())
        await asyncio.sleep(1)
    print("worker", n, "out")


async def main():
    sem = asyncio.BoundedSemaphore(2)
    tasks = [asyncio.create_task(worker(i, sem)) for i in range(3)]
    for t in tasks:
        await t
    await sem.acquire()
    print("one taken, locked:", sem.locked())
    sem.release()
    try:
        sem.release()
        print("released past the bound")
    except ValueError as e:
        print("ValueError:", e)
    print("locked:", sem.locked())
    try:
        asyncio.BoundedSemaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
