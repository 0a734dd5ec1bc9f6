import asyncio


async def fetch(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name}-result"


async def main():
    results = await asyncio.gather(fetch("slow", 2), fetch("quick", 1))
    print(results)


asyncio.run(main())
