# covers: keyword-only parameters after a bare `*`, with and without defaults, given by keyword in any order
import asyncio


def scaled(value, *, factor=2, offset=0):
    return value * factor + offset


async def fetch(name, *, delay, retries=1):
    for attempt in range(retries):
        await asyncio.sleep(delay)
        print(f"{name}: attempt {attempt + 1}")
    return f"{name} after {retries}"


async def main():
    print(scaled(5), scaled(5, factor=3), scaled(5, offset=1, factor=10))
    print(await fetch("db", delay=0.5))
    print(await fetch("cache", retries=2, delay=0.25))


asyncio.run(main())
