import asyncio
import time


async def quick(x):
    await asyncio.sleep(0.1)
    return x / 4


async def main():
    evens = [v async for v in nums(6) if v % 2 == 0]
    print(evens)
    all = [v async for v in nums(2)]
    print(f"{all} {len(all)} {sum(all)}")
    try:
        q = await asyncio.wait_for(quick(10), timeout=1)
        print(f"quick gave {q}")
    except TimeoutError:
        print("no")
    async with Lock("L") as tag:
        print(f"inside with {tag}")
        time.sleep(0.3)  # stands in for CPU-bound work
    k = 10
    if k > 20:
        print("big")
    elif k > 5:
        print("medium")
    else:
        print("small")
    s = "a"
    s += "b"
    k = k * 3 - -2
    print(f"{s} {k} {not (k > 3 and k < 100)} {-(k + 1)} {min(k, 4)} {abs(-2.5)} {str(7) + 'x'} {float(3)} {int('12') // 5} {10 / 4}")
    print(f"multi\nline {k}")
    print("quote \" and ' and {braces} and \\ back")
    print()
    print(3.0)
    for c in "abc":
        print(c)
    qs = await asyncio.gather(*(quick(n) for n in [1, 2, 3]))
    print(qs)
    tasks = [asyncio.create_task(quick(n)) for n in [4, 8]]
    for fut in asyncio.as_completed(tasks):
        r = await fut
        print(f"r={r}")


async def nums(n):
    for i in range(n):
        await asyncio.sleep(0.25)
        print(f"yielding {i}")
        yield i


class Lock:
    def __init__(self, label):
        self.label = label
        self.uses = 0

    async def __aenter__(self):
        self.uses += 1
        print(f"acquire {self.label} {self.uses}")
        return self.label + "!"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"release {self.label}")


asyncio.run(main())
