import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")


def job(loop):
    future = asyncio.run_coroutine_threadsafe(fail(1), loop)
    try:
        future.result()
    except ValueError as e:
        print("job caught", repr(e))
    print("exception():", repr(future.exception()))
    return asyncio.run_coroutine_threadsafe(fail(2), loop).result()


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.to_thread(job, loop)
    except ValueError as e:
        print("main caught", repr(e))
    await asyncio.to_thread(job, loop)


asyncio.run(main())
