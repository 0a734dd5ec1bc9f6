import asyncio
import time


def resize(photo):
    time.sleep(2)  # stands in for two seconds of heavy computing
    return f"{photo} resized"


async def spinner():
    for turn in range(1, 5):
        await asyncio.sleep(0.5)
        print(f"still working ({turn})")


async def main():
    spin = asyncio.create_task(spinner())
    result = await asyncio.to_thread(resize, "cat.jpg")
    print(result)
    await spin


asyncio.run(main())
