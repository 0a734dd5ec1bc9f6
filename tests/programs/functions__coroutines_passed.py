# covers: coroutines passed by name to a parameter that is only awaited
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n * 10


async def slow_fetch(n):
    await asyncio.sleep(0.5)
    return n * 100


async def ping(n):
    await asyncio.sleep(0.2)
    print("ping", n)


async def timed(label, op, n):
    start = asyncio.get_running_loop().time()
    value = await op(n)
    took = asyncio.get_running_loop().time() - start
    print(f"{label}: {value} after {took:.1f}s")
    return value


async def each(op, items):
    out = []
    for i in items:
        out.append(await op(i))
    return out


async def twice(action, n):
    await action(n)
    await action(n + 1)


async def main():
    fast = await timed("fast", fetch, 1)
    slow = await timed("slow", slow_fetch, 2)
    print("total", fast + slow)
    print(await each(fetch, [1, 2, 3]))
    await twice(ping, 7)
    results = await asyncio.gather(timed("a", fetch, 4), timed("b", slow_fetch, 5))
    print(results)


asyncio.run(main())
