# limit: a job that never returns ends the run (steps)
import asyncio


def spin():
    n = 0
    while True:
        n += 1


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, spin)


asyncio.run(main())
