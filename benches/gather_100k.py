"""gather 100k

100,000 coroutines that each sleep one second, gathered: the engine's
benchmark, run by the engine and, for comparison, by CPython on a virtual
clock (tests/support/virtual_clock.py).
"""
import asyncio


async def double(x):
    await asyncio.sleep(1)
    return x * 2


async def main():
    values = await asyncio.gather(*(double(n) for n in range(100_000)))
    print(len(values))
    print(sum(values))


asyncio.run(main())
