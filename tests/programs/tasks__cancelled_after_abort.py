# covers: task.cancelled() and task.done() before and right after cancel(), once the cancellation has run, and for a task that had already finished when cancelled
import asyncio


async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(name, "finished")
    finally:
        print(name, "cleaned up")


async def main():
    slow = asyncio.create_task(work("slow", 5))
    quick = asyncio.create_task(work("quick", 1))
    await asyncio.sleep(2)
    print("before:", slow.done(), slow.cancelled(), quick.done(), quick.cancelled())
    slow.cancel()
    quick.cancel()
    print("right after:", slow.done(), slow.cancelled())
    await asyncio.sleep(1)
    print("after:", slow.done(), slow.cancelled(), quick.done(), quick.cancelled())


asyncio.run(main())
