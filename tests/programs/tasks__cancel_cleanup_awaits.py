# covers: tasks cancelled while they wait, whose cleanup awaits before the cancellation goes on (a finally, a handler that re-raises); each awaiter catches it and reads cancelled()
import asyncio


async def saver(name):
    print(name, "working")
    try:
        await asyncio.sleep(10)
        print(name, "finished (not reached)")
    finally:
        print(name, "saving")
        await asyncio.sleep(0.5)
        print(name, "saved")


async def closer(name):
    try:
        print(name, "serving")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "closing")
        await asyncio.sleep(0.25)
        raise
    finally:
        print(name, "closed")


async def main():
    a = asyncio.create_task(saver("a"))
    b = asyncio.create_task(closer("b"))
    await asyncio.sleep(1)
    a.cancel()
    b.cancel()
    print("cancel sent to both")
    try:
        await a
    except asyncio.CancelledError:
        print("a cancelled:", a.cancelled())
    try:
        await b
    except asyncio.CancelledError:
        print("b cancelled:", b.cancelled())
    print("main done")


asyncio.run(main())
