# covers: default and keyword arguments, *args, **kwargs, async def with defaults, keyword argument after *args, * and ** in calls
import asyncio


async def download(url, retries=3, timeout=1.0, verbose=False):
    await asyncio.sleep(timeout)
    if verbose:
        print(f"  fetched {url} (retries={retries})")
    return len(url)


def total(*numbers, start=0):
    print("args:", numbers)
    return sum(numbers, start)


def describe(name, **options):
    parts = [f"{k}={v}" for k, v in options.items()]
    return name + "(" + ", ".join(parts) + ")"


def everything(a, b=2, *rest, c=0, **extra):
    return a, b, rest, c, extra


async def main():
    print(await download("http://a"))
    print(await download("http://bb", verbose=True))
    print(await download("http://ccc", 5, timeout=0.5, verbose=True))
    print(total(1, 2, 3), total(), total(4, start=10))
    print(describe("server", host="x", port=80), describe("empty"))
    print(everything(1, c=3))
    print(everything(1, 5, 6, 7, c=8, d=9))
    args = [1, 2, 3]
    opts = {"timeout": 0.25, "verbose": True}
    print(total(*args), await download("http://d", **opts))
    print(describe(**{"name": "db", "pool": 5}))


asyncio.run(main())
