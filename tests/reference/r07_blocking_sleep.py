import asyncio
import time


async def heartbeat():
    for i in range(3):
        await asyncio.sleep(1)
        print(f"beat {i}")


async def careless():
    await asyncio.sleep(0.5)
    print("about to block the loop")
    time.sleep(2)
    print("loop is free again")


async def main():
    await asyncio.gather(heartbeat(), careless())


asyncio.run(main())
