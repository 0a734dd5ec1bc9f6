# covers: from time import perf_counter (the virtual clock)
import asyncio
from time import perf_counter


async def main():
    print(perf_counter() >= 0)


asyncio.run(main())
