# covers: a task cancelled at asyncio.run's end whose except block makes a new task and yields: the new task runs only in the rounds of the shutdown, then is destroyed pending
import asyncio


async def late():
    for k in range(1, 10):
        print("late", k)
        await asyncio.sleep(0)


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn cancelled")
        asyncio.create_task(late())
        await asyncio.sleep(0)
        print("stubborn cleans up")
        await asyncio.sleep(0)
        print("stubborn done")


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("main ends")


asyncio.run(main())
print("after run")
