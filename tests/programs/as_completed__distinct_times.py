# covers: asyncio.as_completed (distinct finish times only), results in finish order, for loop over as_completed with await
import asyncio


async def fetch(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} ({seconds}s)"


async def main():
    sites = {"alpha": 3, "beta": 1, "gamma": 2.5, "delta": 0.5}
    coros = [fetch(s, secs) for s, secs in sites.items()]
    for n, next_done in enumerate(asyncio.as_completed(coros), start=1):
        result = await next_done
        print(f"#{n}: {result}")
    print("all done")


asyncio.run(main())
