# covers: the first child failure cancels the siblings and the body; a sibling's cleanup awaits before the group raises; except ExceptionGroup as eg with .exceptions
import asyncio


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(f"{name} cleanup done")
        raise


async def quick():
    await asyncio.sleep(0.2)
    print("quick finished")
    return "quick"


async def crash():
    await asyncio.sleep(1)
    print("crash raising")
    raise ValueError("disk full")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            q = tg.create_task(quick())
            tg.create_task(worker("uploader", 5))
            tg.create_task(crash())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("body cancelled")
                raise
            print("not reached")
    except ExceptionGroup as eg:
        print(f"caught: {eg}")
        print(f"message={eg.message!r} exceptions={eg.exceptions!r}")
        print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
        print(q.result())
    print("main goes on")
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
