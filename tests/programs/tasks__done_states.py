# covers: task.done() before, during and after, task.result() of a finished task, task.cancelled(), asyncio.sleep(0) letting a task start
import asyncio


async def quick():
    print("quick runs")
    return 1


async def slow():
    print("slow starts")
    await asyncio.sleep(2)
    print("slow ends")
    return 2


async def main():
    q = asyncio.create_task(quick())
    s = asyncio.create_task(slow())
    print("created:", q.done(), s.done())
    await asyncio.sleep(0)
    print("after sleep(0):", q.done(), s.done(), q.result())
    await asyncio.sleep(1)
    print("after 1s:", s.done(), s.cancelled())
    await asyncio.sleep(1)
    print("after 2s:", s.done(), s.result(), s.cancelled())


asyncio.run(main())
