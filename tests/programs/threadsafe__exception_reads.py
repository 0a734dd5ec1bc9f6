# covers: a job reads futures of run_coroutine_threadsafe: repr(future.exception()) of one that returned and of one that raised, a result read inside an expression, a timed read caught timing out, then the exception again from the result
import asyncio


async def check(n):
    await asyncio.sleep(n)
    if n > 1:
        raise ValueError(f"too big: {n}")
    return n * 10


def job(loop):
    small = asyncio.run_coroutine_threadsafe(check(1), loop)
    big = asyncio.run_coroutine_threadsafe(check(2), loop)
    print("small:", repr(small.exception()), small.result())
    try:
        big.result(timeout=0.5)
    except TimeoutError:
        print("big not yet")
    print("big:", repr(big.exception()))
    try:
        big.result()
    except ValueError as e:
        print("big raised", e)
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))


asyncio.run(main())
