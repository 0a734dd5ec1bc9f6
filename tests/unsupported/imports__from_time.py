# refuse: from time import ... (only `import time` is supported)
import asyncio
from time import perf_counter


async def main():
    print(perf_counter() >= 0)


asyncio.run(main())
