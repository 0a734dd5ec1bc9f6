import asyncio


async def worker(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} woke")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name


async def main():
    # Every worker wakes at the same instants: they resume in argument order.
    results = await asyncio.gather(worker("a", 1), worker("b", 1), worker("c", 1))
    print(results)
    await asyncio.gather(*(worker(name, 1) for name in ["x", "y"]))
    print("all done")


asyncio.run(main())
