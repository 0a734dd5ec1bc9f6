# covers: an async generator left at a yield by a reader task cancelled at asyncio.run's end: its finally awaits, and its closing task gets only the rounds of the shutdown; the step left waiting on a timer never runs, and asyncio reports the task destroyed pending at the exit
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(1)
    finally:
        print(1)
        await asyncio.sleep(0)
        print(2)
        await asyncio.sleep(0)
        print(3)
        await asyncio.sleep(1)
        print(4)


async def reader():
    async for n in ticker():
        print("got", n)
        if n == 1:
            await asyncio.sleep(100)


async def main():
    asyncio.create_task(reader())
    await asyncio.sleep(1.5)
    print("main ends")


asyncio.run(main())
print("after run")
