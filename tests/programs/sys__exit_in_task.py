# covers: sys.exit() in a task other than main: SystemExit leaves the event loop, asyncio.run cancels main (its finally runs) and the program ends with the status; the task's exception is logged as never retrieved
import asyncio
import sys


async def worker():
    await asyncio.sleep(1)
    print("worker exits")
    sys.exit(3)


async def main():
    asyncio.create_task(worker())
    try:
        await asyncio.sleep(5)
    finally:
        print("main finally")
    print("not reached")


asyncio.run(main())
print("not reached either")
