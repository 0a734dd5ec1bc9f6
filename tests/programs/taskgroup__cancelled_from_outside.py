# covers: cancelling the task that runs a TaskGroup cancels every child and the body; the group then re-raises CancelledError (no ExceptionGroup); wait_for on such a task
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("first", 5))
            print("body waits")
            await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("runner sees CancelledError")
        raise


async def waiting_runner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("second", 5))
    print("not reached")


async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"runner task cancelled: {t.cancelled()}")
    try:
        await asyncio.wait_for(waiting_runner(), timeout=2)
    except TimeoutError:
        print("wait_for timed out")


asyncio.run(main())
