import asyncio


async def tick(n):
    await asyncio.sleep(1)
    print(f"tick {n}")
    await asyncio.sleep(1)
    print(f"tock {n}")
    return n


async def main():
    done = await asyncio.gather(*(tick(n) for n in range(40)))
    print(sum(done))


asyncio.run(main())
