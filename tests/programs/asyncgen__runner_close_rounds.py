# covers: asyncio.Runner's close (the end of with) shuts the loop down as asyncio.run does: an async generator left at a yield by a cancelled reader gets only the shutdown's rounds to run its finally
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(1)
    finally:
        for k in range(1, 10):
            print("finally", k)
            await asyncio.sleep(0)


async def reader():
    async for n in ticker():
        print("got", n)
        if n == 1:
            await asyncio.sleep(100)


async def main():
    asyncio.create_task(reader())
    await asyncio.sleep(1.5)
    print("main ends")
    return 7


with asyncio.Runner() as runner:
    print(runner.run(main()))
    print("run returned")
print("after runner")
