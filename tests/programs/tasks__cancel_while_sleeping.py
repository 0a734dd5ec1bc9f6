# covers: task.cancel() while the task sleeps, cancel then await and catch CancelledError, task.cancelled(), except Exception does not catch CancelledError
import asyncio


async def ticker():
    n = 0
    try:
        while True:
            await asyncio.sleep(1)
            n += 1
            print("tick", n)
    except Exception:
        print("never: CancelledError is not an Exception")


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(3.5)
    print("cancelling")
    t.cancel()
    print("cancel requested; done?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("ticker was cancelled")
    print("done?", t.done(), "cancelled?", t.cancelled())


asyncio.run(main())
