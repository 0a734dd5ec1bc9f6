import asyncio
import time


async def countdown(steps):
    remaining = steps
    while remaining > 0:
        await asyncio.sleep(1)
        remaining -= 1
        print(f"countdown: {remaining} left")


async def retry():
    attempt = 1
    delay = 0.5
    connected = False
    while not connected:
        print(f"retry: attempt {attempt}")
        await asyncio.sleep(delay)
        if attempt >= 3:
            connected = True
        else:
            attempt += 1
            delay *= 2
    print(f"retry: connected after {attempt} attempts")


async def cruncher():
    await asyncio.sleep(1.2)
    chunk = 0
    while chunk < 3:
        time.sleep(0.5)  # stands in for work: this loop never awaits
        chunk += 1
        print(f"cruncher: chunk {chunk} of 3 done")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(countdown(3))
        tg.create_task(retry())
        tg.create_task(cruncher())


asyncio.run(main())
