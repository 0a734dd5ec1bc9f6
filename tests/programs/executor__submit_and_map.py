import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def work(name, seconds):
    print(f"{name}: start")
    time.sleep(seconds)
    print(f"{name}: done")
    return f"{name} took {seconds}"


def square(n):
    time.sleep(n / 2)
    return n * n


def fails():
    time.sleep(0.25)
    raise ValueError("bad input")


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def main():
    t0 = time.perf_counter()
    ticks = asyncio.create_task(ticker())
    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(work, "a", 1)
        b = pool.submit(work, "b", 2)
        c = pool.submit(work, "c", 0.5)
        print("submitted", a.done(), a.running(), c.running())
        print(await asyncio.wrap_future(a))
        print("a done:", a.done(), "c running:", c.running())
        # result() blocks the event loop until the job ends: no ticks meanwhile.
        print(b.result())
        print(c.result(), f"at {time.perf_counter() - t0:.2f}")
        print(list(pool.map(square, [1, 2, 3])))
        f = pool.submit(fails)
        print(repr(f.exception()))
        try:
            f.result()
        except ValueError as e:
            print("caught", repr(e))
        slow = pool.submit(work, "slow", 3)
        try:
            slow.result(timeout=1)
        except TimeoutError:
            print(f"timed out at {time.perf_counter() - t0:.2f}")
        print(slow.result())
    await ticks
    print(f"all done at {time.perf_counter() - t0:.2f}")
    try:
        pool.submit(work, "late", 1)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
