# covers: a task that catches its cancellation, awaits its cleanup and goes on to return a value; the canceller awaits that value; a finally after both
import asyncio


async def worker(name, seconds):
    print(name, "working")
    try:
        await asyncio.sleep(seconds)
        print(name, "finished its work")
    except asyncio.CancelledError:
        print(name, "cancelled: saving")
        await asyncio.sleep(0.5)
        print(name, "saved")
    finally:
        print(name, "closing")
    return f"{name} stopped"


async def main():
    slow = asyncio.create_task(worker("slow", 10))
    quick = asyncio.create_task(worker("quick", 0.5))
    await asyncio.sleep(1)
    slow.cancel()
    quick.cancel()
    print("cancel sent")
    print(await slow)
    print(await quick)
    print("main done")


asyncio.run(main())
