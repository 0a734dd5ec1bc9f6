# covers: asyncio.as_completed over tasks made by a comprehension that takes pairs apart, each result a pair unpacked as it is awaited
import asyncio


async def download(name, size):
    await asyncio.sleep(size / 10)
    return name, size


async def main():
    files = [("big.iso", 40), ("small.txt", 5), ("medium.zip", 20)]
    total = 0
    tasks = [asyncio.create_task(download(n, s)) for n, s in files]
    for fut in asyncio.as_completed(tasks):
        name, size = await fut
        total += size
        print(f"{name:<11} {size:>3} MB, total {total} MB")
    print("done")


asyncio.run(main())
