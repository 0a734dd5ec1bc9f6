import asyncio


async def holder(lock):
    async with lock:
        await asyncio.sleep(1)
        print("holder releases at 1")


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    q = asyncio.Queue()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    # The timeout expires at the same instant the lock is released.
    try:
        await asyncio.wait_for(lock.acquire(), timeout=1)
        print("acquired, locked:", lock.locked())
        lock.release()
    except asyncio.TimeoutError:
        print("timed out, locked:", lock.locked())
    await h

    async def put_later():
        await asyncio.sleep(2)
        q.put_nowait("x")
        print("put at", asyncio.get_running_loop().time() >= 0)

    p = asyncio.create_task(put_later())
    try:
        print("got", await asyncio.wait_for(q.get(), timeout=1))
    except asyncio.TimeoutError:
        print("get timed out", q)
    try:
        print("got", await asyncio.wait_for(q.get(), timeout=1))
    except asyncio.TimeoutError:
        print("get timed out again", q)
    await p
    print(q.qsize())

    await sem.acquire()

    async def release_later():
        await asyncio.sleep(1)
        sem.release()
        print("released")

    r = asyncio.create_task(release_later())
    try:
        await asyncio.wait_for(sem.acquire(), timeout=1)
        print("sem acquired", sem.locked())
    except asyncio.TimeoutError:
        print("sem timed out", sem.locked())
    await r
    print(repr(sem).split(" [")[1])


asyncio.run(main())
