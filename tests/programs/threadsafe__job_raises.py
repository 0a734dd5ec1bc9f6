# covers: a job waits for coroutines it runs on the loop with run_coroutine_threadsafe, as statements; an exception of such a coroutine is raised by result() in the job, and goes on up through to_thread
import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")


async def note(n):
    await asyncio.sleep(n)
    print("note", n)


def job(loop):
    future = asyncio.run_coroutine_threadsafe(note(1), loop)
    future.result()
    asyncio.run_coroutine_threadsafe(note(2), loop).result()
    failing = asyncio.run_coroutine_threadsafe(fail(1), loop)
    try:
        failing.result()
    except ValueError as e:
        print("job caught", repr(e))
    return asyncio.run_coroutine_threadsafe(fail(2), loop).result()


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.to_thread(job, loop)
    except ValueError as e:
        print("main caught", repr(e))


asyncio.run(main())
