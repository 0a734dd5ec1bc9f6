# covers: an async generator whose reader task is cancelled at asyncio.run's end is closed by the task its finalizer makes, before run returns
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(1)
    finally:
        print("ticker closed")


async def reader():
    try:
        async for n in ticker():
            print("got", n)
            if n == 1:
                await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("reader cancelled")


async def main():
    asyncio.create_task(reader())
    await asyncio.sleep(1.5)
    print("main ends")


asyncio.run(main())
print("after run")
