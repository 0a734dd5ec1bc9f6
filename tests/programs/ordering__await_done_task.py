# covers: awaiting an already finished task or a coroutine without awaits does not let other tasks run, sleep(0) does
import asyncio


async def instant():
    return "instant"


async def noisy(n):
    for i in range(n):
        print("  noisy", i)
        await asyncio.sleep(0)


async def main():
    done_task = asyncio.create_task(instant())
    await asyncio.sleep(0)
    print("done_task finished:", done_task.done())
    bg = asyncio.create_task(noisy(3))
    print("awaiting finished task:", await done_task)
    print("awaiting plain coroutine:", await instant())
    print("no noisy output yet")
    await asyncio.sleep(0)
    print("after sleep(0)")
    await bg
    print("end")


asyncio.run(main())
