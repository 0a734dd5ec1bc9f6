# covers: time.sleep versus asyncio.sleep in concurrent tasks, time.monotonic, elapsed time of sequential blocking work
import asyncio
import time


async def polite(name):
    await asyncio.sleep(1)
    print(name, "done politely")


async def rude(name):
    time.sleep(1)
    print(name, "done rudely")


async def main():
    t0 = time.monotonic()
    await asyncio.gather(polite("p1"), polite("p2"), polite("p3"))
    print(f"async sleeps: {time.monotonic() - t0:.1f}s")
    t0 = time.monotonic()
    await asyncio.gather(rude("r1"), rude("r2"), rude("r3"))
    print(f"blocking sleeps: {time.monotonic() - t0:.1f}s")


asyncio.run(main())
