# covers: asyncio.gather of tasks where one raises, the other tasks are not cancelled and their results can still be read
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    if name == "broken":
        raise ValueError("checksum mismatch in " + name)
    print("downloaded", name)
    return seconds


async def main():
    tasks = [asyncio.create_task(download(n, s)) for n, s in [("ok1", 1), ("broken", 1.5), ("ok2", 2.5)]]
    try:
        print(await asyncio.gather(*tasks))
    except ValueError as e:
        print("error:", e)
    print([t.done() for t in tasks])
    print("waiting for the rest")
    print("ok2 result:", await tasks[2])
    print([t.done() for t in tasks], tasks[0].result())


asyncio.run(main())
