# covers: an uncaught ExceptionGroup from a TaskGroup ends the run with CPython's boxed traceback; two errors at one instant
import asyncio


async def check(name, delay):
    await asyncio.sleep(delay)
    raise KeyError(name)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(check("alpha", 1))
        tg.create_task(check("beta", 1))
        print("checks started")


asyncio.run(main())
