"""Closing a Runner (the end of `with`) cancels the tasks left and runs
the loop until their clean-up has run, as asyncio.run's end does."""
import asyncio


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(name, "cleaned up")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    return "kept"


async def start(tasks):
    tasks.append(asyncio.create_task(worker("a", 1)))
    tasks.append(asyncio.create_task(worker("b", 5)))
    tasks.append(asyncio.create_task(stubborn()))
    await asyncio.sleep(2)
    return "started"


tasks = []
with asyncio.Runner() as runner:
    print(runner.run(start(tasks)))
    print("leaving the with block")
print("closed")
for t in tasks:
    print(t.get_name(), t.done(), t.cancelled())
print(tasks[2].result())

runner = asyncio.Runner()
more = []
print(runner.run(start(more)))
runner.close()
print("closed again", [t.done() for t in more])
