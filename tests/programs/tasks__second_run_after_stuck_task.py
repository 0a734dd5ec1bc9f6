# covers: a task cancelled at asyncio.run's end that catches CancelledError and sleeps: the shutdown waits for it, a task it made never runs after the loop closes, not even in a second asyncio.run, whose main task is named after the shutdown's own tasks
import asyncio


async def late():
    for k in range(1, 6):
        print("late", k)
        await asyncio.sleep(0.4)
    print("late never ends")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn cancelled, cleaning up")
        asyncio.create_task(late())
        await asyncio.sleep(1)
        print("stubborn done")


async def main():
    print(asyncio.current_task().get_name())
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("main ends")


async def again():
    print(asyncio.current_task().get_name())
    await asyncio.sleep(5)
    print("second run ends")


asyncio.run(main())
print("between runs")
asyncio.run(again())
print("after both")
