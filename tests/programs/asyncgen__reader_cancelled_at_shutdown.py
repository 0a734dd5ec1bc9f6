# covers: an async generator whose reader task is still awaiting inside it when asyncio.run ends: the task is cancelled and the finally runs in place
import asyncio


async def ticks(tag):
    try:
        for i in range(10):
            await asyncio.sleep(1)
            yield i
    finally:
        print(tag, "cleanup")


async def reader():
    async for x in ticks("r"):
        print("got", x)


async def main():
    asyncio.create_task(reader())
    await asyncio.sleep(2.5)
    print("main end")


asyncio.run(main())
print("after run")
