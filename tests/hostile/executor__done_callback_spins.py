# ends: (limit: steps)
import asyncio
from concurrent.futures import ThreadPoolExecutor


def spin(future):
    while True:
        future.done()


async def main():
    with ThreadPoolExecutor() as pool:
        future = pool.submit(sum, [1, 2])
        future.add_done_callback(spin)


asyncio.run(main())
