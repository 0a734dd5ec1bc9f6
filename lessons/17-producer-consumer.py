import asyncio


async def producer(queue):
    for n in range(1, 7):
        await asyncio.sleep(0.2)  # taking the order
        if queue.full():
            print(f"producer: queue full, order {n} waits")
        await queue.put(n)
        print(f"producer: order {n} queued ({queue.qsize()} waiting)")
    print("producer: all orders in")


async def packer(name, seconds, queue):
    while True:
        order = await queue.get()
        print(f"{name}: packing order {order}")
        await asyncio.sleep(seconds)
        print(f"{name}: order {order} shipped")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    packers = [
        asyncio.create_task(packer("fast packer", 1, queue)),
        asyncio.create_task(packer("slow packer", 1.5, queue)),
    ]
    await producer(queue)
    await queue.join()
    print("main: every order shipped")
    for p in packers:
        p.cancel()


asyncio.run(main())
