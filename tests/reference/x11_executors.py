import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def download(name, seconds):
    time.sleep(seconds)
    return f"{name} downloaded"


def tidy():
    time.sleep(0.5)


async def fetch(name, seconds):
    print(f"{name}: start")
    result = await asyncio.to_thread(download, name, seconds)
    print(result)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = loop.run_in_executor(pool, download, "a.zip", 2)
        second = await loop.run_in_executor(pool, download, "b.zip", 1)
        print(second)
        done = await first
        print(done)
    await loop.run_in_executor(None, tidy)
    print("tidied")
    await fetch("c.zip", 1)
    blocked = download("d.zip", 1)
    print(blocked)


asyncio.run(main())
