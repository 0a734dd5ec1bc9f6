# covers: a job waits for a future of run_coroutine_threadsafe in steps (result with a timeout in a loop until done()), then reads it again; repr(future.exception()) of a coroutine that returns
import asyncio


async def add(a, b):
    await asyncio.sleep(a)
    return a + b


def job(loop):
    future = asyncio.run_coroutine_threadsafe(add(2, 2), loop)
    print("done at start:", future.done())
    tries = 0
    while not future.done():
        tries += 1
        try:
            future.result(timeout=0.75)
        except TimeoutError:
            print("waiting", tries, future.done())
    print("done:", future.done(), future.result(), tries)
    first = asyncio.run_coroutine_threadsafe(add(1, 5), loop)
    print("first:", repr(first.exception()), first.done())
    value = first.result(timeout=1)
    return future.result() + value


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))


asyncio.run(main())
