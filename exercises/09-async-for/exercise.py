import asyncio


async def read_sensor():
    readings = []
    for n in range(1, 4):
        await asyncio.sleep(1)  # a new reading every second
        readings.append(n * 10)
    return readings


async def main():
    for value in await read_sensor():
        print(f"reading: {value}")


asyncio.run(main())
