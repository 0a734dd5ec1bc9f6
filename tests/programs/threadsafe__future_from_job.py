import asyncio
import concurrent.futures
import time


def job(future):
    print("job waits, running:", future.running())
    try:
        future.exception(timeout=0.5)
    except TimeoutError:
        print("not yet at", time.perf_counter())
    print("job got", future.result(), "at", time.perf_counter())
    return "job done"


async def main():
    loop = asyncio.get_running_loop()
    future = concurrent.futures.Future()
    job_future = loop.run_in_executor(None, job, future)
    await asyncio.sleep(1)
    print("main sets the result")
    future.set_result("hello")
    print("set, done:", future.done())
    print(await job_future)


asyncio.run(main())
