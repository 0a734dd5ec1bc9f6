# covers: asyncio.to_thread runs a blocking function on the default executor while other tasks go on; gather of to_thread calls (each in a task); keyword arguments
import asyncio
import time


def read_sensor(name, delay, *, scale=1):
    print(f"reading {name}")
    time.sleep(delay)
    return name, delay * scale


async def heartbeat():
    while True:
        print("heartbeat")
        await asyncio.sleep(0.5)


async def main():
    beat = asyncio.create_task(heartbeat())
    first = await asyncio.to_thread(read_sensor, "temp", 1)
    print("first:", first)
    both = await asyncio.gather(
        asyncio.to_thread(read_sensor, "wind", 0.5, scale=10),
        asyncio.to_thread(read_sensor, "rain", 1),
    )
    print("both:", both)
    beat.cancel()


asyncio.run(main())
