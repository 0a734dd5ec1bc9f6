# covers: asyncio.current_task().get_name() in the coroutine asyncio.run starts (Task-1), before and after awaiting tasks it makes
import asyncio


async def work(label, seconds):
    await asyncio.sleep(seconds)
    print(label, "done")
    return seconds * 10


async def main():
    me = asyncio.current_task().get_name()
    print("main runs in", me)
    first = asyncio.create_task(work("first", 1))
    second = asyncio.create_task(work("second", 2))
    print(await first, await second)
    print(f"still {asyncio.current_task().get_name()} after awaiting")


asyncio.run(main())
