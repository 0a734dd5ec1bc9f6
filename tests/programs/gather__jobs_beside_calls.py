# covers: asyncio.gather of executor jobs (to_thread) beside a coroutine call: each job on a thread of its own, the results in argument order
import asyncio
import time


def measure(name, seconds):
    time.sleep(seconds)
    print("measured", name)
    return len(name) * 10


async def count(n):
    await asyncio.sleep(0.25)
    print("counted", n)
    return n


async def main():
    sizes = await asyncio.gather(
        asyncio.to_thread(measure, "wind", 0.5),
        count(3),
        asyncio.to_thread(measure, "drizzle", 1.5),
    )
    print("sizes:", sizes)
    print("total:", sum(sizes))


asyncio.run(main())
