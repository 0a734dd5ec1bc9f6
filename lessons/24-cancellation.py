import asyncio


async def upload(name, seconds):
    try:
        print(f"{name}: uploading")
        await asyncio.sleep(seconds)
        print(f"{name}: uploaded")
    except asyncio.CancelledError as stop:
        print(f"{name}: stopped ({stop}), deleting the partial file")
        await asyncio.sleep(0.5)
        print(f"{name}: partial file deleted")
        raise


async def save_log(line):
    await asyncio.sleep(1)
    print(f"log: saved {line}")


async def finish(name):
    print(f"{name}: writing the log")
    await asyncio.shield(save_log(f"{name} stopped"))
    print(f"{name}: log written")


async def main():
    photo = asyncio.create_task(upload("photo", 3))
    await asyncio.sleep(1)
    photo.cancel("user pressed stop")
    try:
        await photo
    except asyncio.CancelledError:
        if photo.cancelled():
            print("main: photo was cancelled")
    closing = asyncio.create_task(finish("photo"))
    await asyncio.sleep(0.4)
    closing.cancel()
    try:
        await closing
    except asyncio.CancelledError:
        print("main: closing was cancelled, the shielded save goes on")
    await asyncio.sleep(1)
    print("main: done")


asyncio.run(main())
