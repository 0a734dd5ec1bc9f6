# covers: asyncio.wait_for whose deadline falls in the coroutine's finally after its body ended in time (the cleanup stops at its await), and one whose cleanup ends in time
import asyncio


async def save(name, work, cleanup):
    try:
        print(name, "saving")
        await asyncio.sleep(work)
        print(name, "saved")
    finally:
        print(name, "closing")
        await asyncio.sleep(cleanup)
        print(name, "closed")


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(save("slow close", 1, 3), timeout=2.5)
        print("finished in time")
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        await asyncio.wait_for(save("quick close", 1, 0.5), timeout=2.5)
        print("finished in time at", loop.time())
    except TimeoutError:
        print("timed out at", loop.time())


asyncio.run(main())
