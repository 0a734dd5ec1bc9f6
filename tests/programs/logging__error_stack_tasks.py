# covers: a log call whose %-arguments do not fit, in a task made by create_task, in a loop callback, in a coroutine awaited through several others, and while asyncio.run cancels the tasks left: the call stack runs from the asyncio.run line through asyncio's frames to the coroutine that logged
import asyncio
import logging


def on_soon(tag):
    logging.warning("callback %d", tag)


async def leaf(n):
    await asyncio.sleep(1)
    logging.error("leaf %d of %d", n)
    return n


async def middle(n):
    return await leaf(n)


async def spawned():
    await asyncio.sleep(0)
    logging.warning("task %s", 1, 2)


async def lingering():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled")
    logging.warning("cancelled %d", "late")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(on_soon, "a")
    t = asyncio.create_task(spawned())
    asyncio.create_task(lingering())
    r = await middle(3)
    await t
    print("got", r)


asyncio.run(main())
print("done")
