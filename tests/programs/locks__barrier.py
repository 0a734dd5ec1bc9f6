import asyncio


async def party(n, barrier, delay):
    await asyncio.sleep(delay)
    print(f"party {n} arrives, waiting {barrier.n_waiting}")
    try:
        i = await barrier.wait()
        print(f"party {n} passes with index {i}")
    except asyncio.BrokenBarrierError as e:
        print(f"party {n}: BrokenBarrierError: {e}")


async def main2():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(i, barrier, 0)) for i in range(2)]
    await asyncio.sleep(1)
    print(repr(barrier).split(" [")[1])
    await barrier.abort()
    await asyncio.gather(*ts)
    print(repr(barrier).split(" [")[1], barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await barrier.reset()
    print(repr(barrier).split(" [")[1])
    ts = [asyncio.create_task(party(i, barrier, 0)) for i in range(2)]
    await asyncio.sleep(1)
    await barrier.reset()
    await asyncio.gather(*ts)
    print(repr(barrier).split(" [")[1])
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


async def both():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(party(i, barrier, i * 0.5) for i in range(6)))
    print(repr(barrier).split(" [")[1])
    await main2()


asyncio.run(both())
