# Jobs handed to a pool with submit: two workers take the first two, the
# third waits for a free one; done() tells which have ended, result() and
# wrap_future give each job's value.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def work(name, seconds):
    time.sleep(seconds)
    return f"{name} took {seconds}"


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(work, "a", 1)
        b = pool.submit(work, "b", 2)
        c = pool.submit(work, "c", 0.5)
        print("submitted:", a.done(), b.done(), c.done())
        await asyncio.sleep(1.25)
        print("at 1.25:", a.done(), b.done(), c.done())
        print(await asyncio.wrap_future(a))
        print(b.result(), f"at {loop.time():g}")
        print(c.result(), c.done())
        print(await asyncio.wrap_future(pool.submit(work, "d", 0.25)), f"at {loop.time():g}")
    print(f"closed at {loop.time():g}")


asyncio.run(main())
