import asyncio


async def download(n, seconds):
    await asyncio.sleep(seconds)
    return f"file{n} after {seconds}s"


async def main():
    tasks = [
        asyncio.create_task(download(1, 3)),
        asyncio.create_task(download(2, 1)),
        asyncio.create_task(download(3, 2)),
    ]
    for fut in asyncio.as_completed(tasks):
        result = await fut
        print(result)


asyncio.run(main())
