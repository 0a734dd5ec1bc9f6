# covers: time.sleep (a blocking call: other tasks' timers fire late), time.perf_counter, ticker drift
import asyncio
import time


async def ticker():
    for i in range(4):
        await asyncio.sleep(1)
        print("tick", i)


async def blocker():
    await asyncio.sleep(1.5)
    print("blocker: calling time.sleep(2) - the whole loop stops")
    time.sleep(2)
    print("blocker: woke up")


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(ticker(), blocker())
    print(f"took {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
