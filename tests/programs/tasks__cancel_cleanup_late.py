# covers: a task whose handler and finally both await before its cancellation goes on, and one that finished before its cancel arrived, which then does nothing: only the first awaiter's handler runs
import asyncio


async def job(name, seconds):
    try:
        print(name, "starts")
        await asyncio.sleep(seconds)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "rolling back")
        await asyncio.sleep(0.3)
        raise
    finally:
        print(name, "releasing")
        await asyncio.sleep(0.2)
        print(name, "released")


async def main():
    slow = asyncio.create_task(job("slow", 5))
    quick = asyncio.create_task(job("quick", 0.5))
    await asyncio.sleep(1)
    slow.cancel()
    quick.cancel()
    print("cancel sent")
    try:
        await slow
    except asyncio.CancelledError:
        print("slow was cancelled")
    try:
        await quick
    except asyncio.CancelledError:
        print("quick was cancelled (not printed)")
    print("main done")


asyncio.run(main())
