import asyncio
import time


async def wait(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def crunch(name, seconds):
    print(f"{name}: start")
    time.sleep(seconds)  # stands in for CPU-bound work
    print(f"{name}: done")


async def main():
    await asyncio.gather(wait("download", 1), wait("upload", 1.5))
    print("main: waiting jobs finished")
    await asyncio.gather(crunch("hash", 1), crunch("resize", 1.5))
    print("main: computing jobs finished")


asyncio.run(main())
