# covers: an exception raised in a job reaches the awaiting task; the worker takes the next job; a job cancelled while it queues never runs; RuntimeError after shutdown
import asyncio
import time
import concurrent.futures


def parse(text):
    time.sleep(0.5)
    print(f"parsing {text!r}")
    return int(text)


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        try:
            await loop.run_in_executor(pool, parse, "forty-two")
        except ValueError as e:
            print(f"ValueError: {e}")
        first = loop.run_in_executor(pool, parse, "1")
        second = loop.run_in_executor(pool, parse, "2")
        second.cancel()
        print(await first, second.cancelled())
        await asyncio.sleep(1)
    try:
        loop.run_in_executor(pool, parse, "3")
    except RuntimeError as e:
        print(f"RuntimeError: {e}")


asyncio.run(main())
