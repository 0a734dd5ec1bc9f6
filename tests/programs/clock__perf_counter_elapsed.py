# covers: import time, time.perf_counter(), time.monotonic(), time.time() for elapsed-time prints, f"took {...:.1f}s"
import asyncio
import time


async def fetch(name, seconds):
    t0 = time.perf_counter()
    await asyncio.sleep(seconds)
    print(f"{name} took {time.perf_counter() - t0:.1f}s")
    return seconds


async def main():
    start = time.perf_counter()
    wall = time.time()
    mono = time.monotonic()
    await fetch("sequential-1", 1)
    await fetch("sequential-2", 1.5)
    print(f"sequential total {time.perf_counter() - start:.1f}s")
    t0 = time.perf_counter()
    await asyncio.gather(fetch("parallel-1", 1), fetch("parallel-2", 1.5))
    print(f"parallel total {time.perf_counter() - t0:.1f}s")
    print(f"monotonic elapsed {time.monotonic() - mono:.2f}")
    print(f"wall elapsed {time.time() - wall:.3f}")
    print(f"loop agrees: {asyncio.get_running_loop().time() - start:.1f}")


asyncio.run(main())
