import asyncio


async def waiter(name, ev):
    print(name, "waits")
    await ev.wait()
    print(name, "woke")


async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "takes", items.pop(0))


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", ev)) for i in range(3)]
    await asyncio.sleep(1)
    print(repr(ev).split(" [")[1])
    ev.set()
    ev.clear()
    await asyncio.gather(*tasks)
    print(ev.is_set())

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(4)]
    await asyncio.sleep(0)
    print(repr(cond).split(" [")[1])
    async with cond:
        items.extend(["a", "b", "c"])
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.sleep(0.1)
    async with cond:
        items.append("d")
        cond.notify()
    await asyncio.gather(*consumers)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print(lock.locked(), c2.locked())

    async def cancelled_wait():
        async with c2:
            try:
                await c2.wait()
            except asyncio.CancelledError:
                print("cancelled, lock held again:", c2.locked())
                raise

    t = asyncio.create_task(cancelled_wait())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("after cancel:", lock.locked())


asyncio.run(main())
