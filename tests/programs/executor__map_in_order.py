import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def square(n):
    print(f"square({n}) starts")
    time.sleep(n / 2)
    return n * n


def label(name, seconds):
    time.sleep(seconds)
    return f"{name} after {seconds}"


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        for r in pool.map(square, [3, 1, 2]):
            print(f"got {r} at {loop.time():g}")
        print(list(pool.map(label, ["a", "b", "c"], [0.5, 0.25, 1.5])), f"at {loop.time():g}")
    with ThreadPoolExecutor(max_workers=3) as wide:
        print(list(wide.map(label, ["x", "y"], [1.5, 0.5])), f"at {loop.time():g}")
    print(f"pools closed at {loop.time():g}")


asyncio.run(main())
