import asyncio


async def heartbeat():
    for beat in [1, 2, 3]:
        await asyncio.sleep(1.2)
        print(f"heartbeat {beat}")


async def sensor(count):
    for i in range(count):
        await asyncio.sleep(1)
        print(f"produced {i}")
        yield i


async def main():
    hb = asyncio.create_task(heartbeat())
    async for reading in sensor(3):
        print(f"consuming {reading}")
        await asyncio.sleep(0.5)
        print(f"done with {reading}")
    await hb
    print("all readings handled")


asyncio.run(main())
