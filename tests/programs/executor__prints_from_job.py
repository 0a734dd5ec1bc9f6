# covers: lines a job prints appear at the job's virtual time, interleaved with the event loop's; jobs and timers due at one instant keep CPython's order
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def download(name, chunks):
    for i in range(chunks):
        time.sleep(1)
        print(f"{name}: chunk {i + 1}/{chunks}")
    return f"{name} ({chunks} chunks)"


async def spinner():
    for i in range(5):
        await asyncio.sleep(1)
        print(f"spinner {i + 1}")


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=3) as pool:
        spin = asyncio.create_task(spinner())
        a = loop.run_in_executor(pool, download, "a.zip", 3)
        b = loop.run_in_executor(pool, download, "b.zip", 2)
        print("downloads started")
        print(await b)
        print(await a)
        await spin


asyncio.run(main())
