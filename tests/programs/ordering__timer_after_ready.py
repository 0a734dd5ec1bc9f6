# covers: a task woken by a timer runs after the tasks already ready; time.sleep makes the timer fire late
import asyncio
import time


async def ticker():
    await asyncio.sleep(1)
    print("tick")


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(1.5)
    await asyncio.sleep(0)
    print("A")
    time.sleep(1)
    await asyncio.sleep(0)
    print("B")
    await t


asyncio.run(main())
