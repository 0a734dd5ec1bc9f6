# covers: task.cancel() at the instant the task's sleep ends (the cancellation still wins), CancelledError caught inside the task
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
        print("sleeper: slept fully")
        return "finished"
    except asyncio.CancelledError:
        print("sleeper: cancelled even though its sleep was over")
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("main: cancelling at t=1, done?", t.done())
    print("cancel() returned", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled:", t.cancelled())


asyncio.run(main())
