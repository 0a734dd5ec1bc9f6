import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(name, seconds):
    time.sleep(seconds)  # stands in for CPU-bound work
    return f"{name}: done"


async def on_the_loop(name, seconds):
    print(f"{name}: start")
    result = crunch(name, seconds)  # the mistake: computes on the loop's thread
    print(f"{result} (on the loop)")


async def main():
    await asyncio.gather(on_the_loop("hash", 1), on_the_loop("resize", 1.5))
    print("main: on the loop, the jobs took turns")
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        hashing = loop.run_in_executor(pool, crunch, "hash", 1)
        resizing = loop.run_in_executor(pool, crunch, "resize", 1.5)
        print("main: both jobs are in the pool")
        hashed = await hashing
        print(hashed)
        resized = await resizing
        print(resized)
    print("main: in the pool, the jobs overlapped")


if __name__ == "__main__":
    asyncio.run(main())
