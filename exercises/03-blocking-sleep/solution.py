import asyncio


async def heartbeat():
    for beat in range(1, 4):
        await asyncio.sleep(0.5)
        print(f"beat {beat}")


async def download(name):
    print(f"{name}: start")
    await asyncio.sleep(1)
    print(f"{name}: done")


async def main():
    await asyncio.gather(heartbeat(), download("report"), download("photo"))


asyncio.run(main())
