# covers: asyncio.as_completed over coroutines made by a comprehension over a list of pairs (not tasks), distinct finish times, results in finish order
import asyncio


async def fetch(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} ({seconds}s)"


async def main():
    sites = [("ant", 3), ("bee", 1), ("cow", 2), ("dog", 4)]
    coros = [fetch(s, secs) for s, secs in sites]
    for n, next_done in enumerate(asyncio.as_completed(coros), start=1):
        result = await next_done
        print(f"#{n}: {result}")
    print("all done")


asyncio.run(main())
