import asyncio


async def job(n, sem):
    print(f"job {n} asks (locked={sem.locked()})")
    await sem.acquire()
    print(f"job {n} has a permit")
    await asyncio.sleep(1)
    sem.release()
    print(f"job {n} gave it back")


async def main():
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(job(i, sem)) for i in range(4)]
    await asyncio.sleep(0)
    print("locked:", sem.locked())
    await asyncio.gather(*tasks)
    print("locked:", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("main holds both:", sem.locked())
    sem.release()
    sem.release()
    sem.release()
    await sem.acquire()
    await sem.acquire()
    print("a third release adds a permit:", sem.locked())


asyncio.run(main())
