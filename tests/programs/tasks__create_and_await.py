# covers: asyncio.create_task with name=, task.get_name(), task.done(), task.result(), awaiting a task twice
import asyncio


async def download(url, seconds):
    print("start", url)
    await asyncio.sleep(seconds)
    print("finish", url)
    return f"<{url}: {seconds * 100} bytes>"


async def main():
    t1 = asyncio.create_task(download("a.com", 2), name="dl-a")
    t2 = asyncio.create_task(download("b.com", 1), name="dl-b")
    print(t1.get_name(), t2.get_name(), t1.done(), t2.done())
    await asyncio.sleep(1.5)
    print("at 1.5:", t1.done(), t2.done())
    print("t2 result:", t2.result())
    body = await t1
    print("t1 awaited:", body, t1.done())
    print("await again:", await t1)
    print("result():", t1.result(), t2.result())


asyncio.run(main())
