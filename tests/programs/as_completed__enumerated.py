# covers: enumerate(asyncio.as_completed(tasks), start=1) numbering the results in the order they end, and from 0 without start
import asyncio


async def fetch(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} ({seconds}s)"


async def main():
    tasks = [
        asyncio.create_task(fetch("alpha", 3)),
        asyncio.create_task(fetch("beta", 1)),
        asyncio.create_task(fetch("gamma", 2)),
    ]
    for n, next_done in enumerate(asyncio.as_completed(tasks), start=1):
        result = await next_done
        print(f"#{n}: {result}")
    later = [asyncio.create_task(fetch("delta", 2)), asyncio.create_task(fetch("omega", 1))]
    for i, fut in enumerate(asyncio.as_completed(later)):
        result = await fut
        if i == 0:
            print("first back:", result)
            continue
        print(i, result)
    print("all done")


asyncio.run(main())
