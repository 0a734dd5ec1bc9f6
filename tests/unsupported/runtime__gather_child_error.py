# error: RuntimeError: fetch 2 failed
import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    if n == 2:
        raise RuntimeError(f"fetch {n} failed")
    return n

async def main():
    print(await asyncio.gather(fetch(1), fetch(2), fetch(3)))

asyncio.run(main())
