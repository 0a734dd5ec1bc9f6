import asyncio
import time


def job(loop, event, out):
    print("job starts")
    loop.call_soon_threadsafe(print, "callback at", time.perf_counter())
    time.sleep(1)
    out.append("value")
    loop.call_soon_threadsafe(event.set)
    print("job set the event")
    time.sleep(1)
    handle = loop.call_soon_threadsafe(print, "cancelled callback")
    handle.cancel()
    return "job done"


async def main():
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    out = []
    job_future = loop.run_in_executor(None, job, loop, event, out)
    await event.wait()
    print("main saw", out)
    print(await job_future)


asyncio.run(main())
