# covers: timers whose deadlines are computed as floats and differ by less than a nanosecond fire in the order of their float deadlines, as CPython's timer heap orders them, not in creation order
import asyncio


async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, repr(asyncio.get_running_loop().time()))


async def main():
    tasks = []
    for k in range(6):
        tasks.append(asyncio.create_task(tick(f"a{k}", 0.05 + k / 20)))
        tasks.append(asyncio.create_task(tick(f"b{k}", (k + 1) / 20)))
        tasks.append(asyncio.create_task(tick(f"c{k}", 0.1 * k + 0.05)))
    await asyncio.gather(*tasks)


asyncio.run(main())
