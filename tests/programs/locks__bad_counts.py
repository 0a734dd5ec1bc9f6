# covers: asyncio.Semaphore, BoundedSemaphore and Barrier made with a count Python refuses: the ValueError and its message
import asyncio


async def main():
    for make in ("Semaphore", "BoundedSemaphore", "Barrier"):
        print("making a", make)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("Semaphore:", e)
    try:
        asyncio.BoundedSemaphore(value=-3)
    except ValueError as e:
        print("BoundedSemaphore:", repr(e))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("Barrier:", e)
    print("done")


asyncio.run(main())
