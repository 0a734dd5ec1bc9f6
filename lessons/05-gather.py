import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} finished")
    return f"{name}:{seconds}s"


async def double(n):
    await asyncio.sleep((4 - n) / 2)
    print(f"double({n}) finished")
    return n * 2


async def main():
    results = await asyncio.gather(
        fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)
    )
    print(results)
    doubled = await asyncio.gather(*(double(n) for n in [1, 2, 3]))
    print(doubled)


asyncio.run(main())
