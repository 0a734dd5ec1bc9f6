import asyncio
import concurrent.futures


async def never():
    print("never runs")
    await asyncio.sleep(1)


def job(loop):
    future = asyncio.run_coroutine_threadsafe(never(), loop)
    print("cancel:", future.cancel())
    print("cancelled:", future.cancelled(), "done:", future.done())
    try:
        future.result()
    except concurrent.futures.CancelledError:
        print("result raised CancelledError")
    try:
        future.exception(timeout=1)
    except concurrent.futures.CancelledError as e:
        print("exception raised", type(e).__name__)
    return "job done"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))
    await asyncio.sleep(1)
    print("main ends")


asyncio.run(main())
