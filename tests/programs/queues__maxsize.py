import asyncio


async def fill(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i}: {q.qsize()} of {q.maxsize}, full {q.full()}")


async def main():
    bounded = asyncio.Queue(maxsize=2)
    unbounded = asyncio.Queue()
    print("sizes", bounded.maxsize, unbounded.maxsize)
    await fill(bounded, 2)
    await fill(unbounded, 3)
    print("still", bounded.qsize(), "of", bounded.maxsize, unbounded.qsize(), "of", unbounded.maxsize)


asyncio.run(main())
