import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def invert(x):
    print(f"invert({x}) starts")
    time.sleep(0.5)
    return 1 / x


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        results = []
        try:
            for r in pool.map(invert, [4, 0, 2, 1]):
                print(f"got {r} at {loop.time():g}")
                results.append(r)
        except ZeroDivisionError as e:
            print(f"ZeroDivisionError: {e} at {loop.time():g}")
        print(results)
        try:
            list(pool.map(invert, [5, 8], timeout=0.75))
        except TimeoutError:
            print(f"TimeoutError at {loop.time():g}")
    print(f"pool closed at {loop.time():g}")


asyncio.run(main())
