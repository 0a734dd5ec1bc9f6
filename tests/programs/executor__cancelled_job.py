import asyncio
import concurrent.futures
import time


def work(name, seconds):
    time.sleep(seconds)
    return name


def report(f):
    print("callback:", f.done(), f.cancelled())


async def main():
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(work, "first", 1)
        queued = pool.submit(work, "queued", 1)
        print("cancel queued:", queued.cancel(), "cancel running:", first.cancel())
        queued.add_done_callback(report)
        first.add_done_callback(report)
        print("cancelled:", queued.cancelled(), first.cancelled())
        try:
            queued.result()
        except asyncio.CancelledError:
            print("asyncio.CancelledError caught")
        except concurrent.futures.CancelledError as e:
            print("caught", repr(e), type(e).__module__)
        try:
            queued.exception()
        except Exception as e:
            print("an Exception:", type(e).__name__)
        print(concurrent.futures.CancelledError is asyncio.CancelledError)
        print(issubclass(concurrent.futures.CancelledError, Exception))
        print(await asyncio.wrap_future(first))
        try:
            await asyncio.wrap_future(queued)
        except asyncio.CancelledError:
            print("the wrapped future is cancelled")
        done = pool.submit(work, "done", 0.5)
        done.result()
        done.add_done_callback(report)
        later = pool.submit(work, "later", 0)
        later.cancel()
        print(later.result())


asyncio.run(main())
