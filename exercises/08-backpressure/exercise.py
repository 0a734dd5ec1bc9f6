import asyncio


async def reader(queue):
    for n in range(1, 7):
        await asyncio.sleep(0.1)  # reading a line is quick
        await queue.put(n)
        print(f"read line {n}")
    await queue.put(None)


async def writer(queue):
    while True:
        n = await queue.get()
        if n is None:
            break
        await asyncio.sleep(1)  # writing it out is slow
        print(f"wrote line {n}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(reader(queue), writer(queue))


asyncio.run(main())
