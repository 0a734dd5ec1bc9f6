# covers: async generators consumed by two concurrent tasks, async for in tasks, ordering of interleaved async generators, gather
import asyncio


async def sensor(name, period, n):
    for i in range(n):
        await asyncio.sleep(period)
        yield name, i * period


async def monitor(name, period, n):
    seen = []
    async for who, value in sensor(name, period, n):
        print(f"{who} -> {value}")
        seen.append(value)
    return name, len(seen)


async def main():
    results = await asyncio.gather(monitor("fast", 0.5, 4), monitor("slow", 1.0, 2))
    print(results)


asyncio.run(main())
