"""Ten thousand tasks in ten waves

Every half second main starts a wave of 1,000 workers; a worker sleeps one
or two seconds. At t=2 a new wave starts while two older waves wake: the
busiest moment of the run.
"""
import asyncio


async def worker(wave, n):
    await asyncio.sleep(1 if n % 2 == 0 else 2)
    return wave


async def main():
    tasks = []
    for wave in range(10):
        for n in range(1000):
            tasks.append(asyncio.create_task(worker(wave, n)))
        print(f"wave {wave} started: {len(tasks)} tasks")
        await asyncio.sleep(0.5)
    results = await asyncio.gather(*tasks)
    print(f"all done: {len(results)} results, sum {sum(results)}")


asyncio.run(main())
