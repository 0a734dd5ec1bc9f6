import asyncio


async def read_sensor():
    for n in range(1, 4):
        await asyncio.sleep(1)  # a new reading every second
        yield n * 10


async def main():
    async for value in read_sensor():
        print(f"reading: {value}")


asyncio.run(main())
