import asyncio


async def main():
    async for value in readings(4):
        print(f"reading {value}")


async def readings(count):
    for i in range(count):
        await asyncio.sleep(0.5)
        yield i * 10


asyncio.run(main())
