import asyncio
import time


async def work(x):
    await asyncio.sleep(x)
    print(f"worked {x}")
    return x * 10


async def main():
    async for t in Ticks(2):
        print(f"tick {t}")
    ts = [t async for t in Ticks(3)]
    print(ts)
    async with Quiet() as q:
        print(f"q is {q}")
    async with Quiet():
        pass
    c = work(1)
    d = work(0.5)
    print("made two")
    dv = await d
    cv = await c
    print(f"{cv} {dv}")
    w = await work(0.25)
    print(w)
    i = 0
    while True:
        i += 1
        if i >= 3:
            return i
        time.sleep(0.1)


class Ticks:
    def __init__(self, n):
        self.left = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.left == 0:
            raise StopAsyncIteration
        self.left -= 1
        await asyncio.sleep(0.5)


class Quiet:
    async def __aenter__(self):
        pass

    async def __aexit__(self, exc_type, exc, tb):
        print("bye")


asyncio.run(main())
