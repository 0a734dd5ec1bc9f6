# covers: a functools.wraps timing decorator on a coroutine, its report in a finally, the coroutine awaited, spawned and gathered
import asyncio
import time
from functools import wraps


def timed(coro_fn):
    @wraps(coro_fn)
    async def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return await coro_fn(*args, **kwargs)
        finally:
            print(f"{coro_fn.__name__}{args} took {time.perf_counter() - t0:.2f}s")

    return wrapper


@timed
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} data"


async def main():
    print(await fetch("a", 0.5))
    task = asyncio.create_task(fetch("b", 0.25))
    print(await task)
    both = await asyncio.gather(fetch("c", 0.2), fetch("d", 0.1))
    print(both)


asyncio.run(main())
