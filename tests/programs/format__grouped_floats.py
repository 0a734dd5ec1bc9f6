import asyncio


async def measure(base, scale):
    await asyncio.sleep(0.1)
    return base * scale


async def main():
    for scale in [1.0, 1e10, 1e-10]:
        value = await measure(1234567.5, scale)
        print(f"{value:,} and {value:_}")
    print(f"{1e16:,}")


asyncio.run(main())
