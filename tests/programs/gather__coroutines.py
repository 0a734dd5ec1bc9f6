# covers: asyncio.gather of coroutines, results in argument order (not finish order), unpacking gather results, elapsed time with loop.time()
import asyncio


async def fetch(url, seconds):
    print("fetching", url)
    await asyncio.sleep(seconds)
    print("fetched", url)
    return {"url": url, "ms": int(seconds * 1000)}


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    a, b, c = await asyncio.gather(fetch("/slow", 3), fetch("/fast", 1), fetch("/mid", 2))
    print(a["url"], b["url"], c["url"])
    print([r["ms"] for r in (a, b, c)])
    print(f"elapsed {loop.time() - start:.1f}s (not 6s)")
    empty = await asyncio.gather()
    print("gather() of nothing:", empty)
    single = await asyncio.gather(fetch("/one", 0.5))
    print(single)


asyncio.run(main())
