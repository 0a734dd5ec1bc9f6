import asyncio


async def setter(fut, delay):
    await asyncio.sleep(delay)
    print("setting")
    fut.set_result(f"done at {delay}")
    print("set")


async def waiter(fut, name):
    v = await fut
    print(f"{name} got {v}")


async def main():
    f = asyncio.get_running_loop().create_future()
    w1 = asyncio.create_task(waiter(f, "w1"))
    w2 = asyncio.create_task(waiter(f, "w2"))
    s = asyncio.create_task(setter(f, 1.5))
    r = await f
    print(f"main got {r}")
    await w1
    await w2
    coro = setter(f, 0)
    print("made")
    g = asyncio.get_running_loop().create_future()
    s2 = asyncio.create_task(setter(g, 0.25))
    x = await g
    print(x)


asyncio.run(main())
