# covers: sys.exit(n) in a task started by create_task while main waits: main's finally runs, the tasks left are dropped, and the process ends with the status
import asyncio
import sys


async def watchdog(limit):
    await asyncio.sleep(limit)
    print("watchdog: too slow, exiting")
    sys.exit(4)


async def job(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(name, "done")
    finally:
        print(name, "cleans up")


async def main():
    asyncio.create_task(watchdog(2))
    try:
        await job("quick", 1)
        await job("slow", 5)
        print("all jobs done")
    finally:
        print("main's finally")


asyncio.run(main())
