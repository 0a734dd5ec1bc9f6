import asyncio


async def worker(n, lock, hold):
    print(f"worker {n} wants the lock (locked={lock.locked()})")
    try:
        async with lock:
            print(f"worker {n} has it")
            await asyncio.sleep(hold)
        print(f"worker {n} released it")
    except asyncio.CancelledError:
        print(f"worker {n} cancelled while waiting")
        raise


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(worker(i, lock, 1)) for i in range(4)]
    await asyncio.sleep(0.5)
    print(repr(lock).split(" [")[1])
    tasks[2].cancel()
    await asyncio.sleep(0.6)
    # worker 1 was woken at t=1 and holds it; cancel it while it holds.
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True) if False else None
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            pass
    print(repr(lock).split(" [")[1], lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # A waiter woken and cancelled before it runs wakes the next one.
    await lock.acquire()
    a = asyncio.create_task(worker("a", lock, 0))
    b = asyncio.create_task(worker("b", lock, 0))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(a.cancelled(), b.done(), lock.locked())


asyncio.run(main())
