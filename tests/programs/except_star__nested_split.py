# covers: except* takes its class out of a nested group, keeping the nesting and each group's message; the rest goes on in the same shape
import asyncio


async def fail(name, delay):
    await asyncio.sleep(delay)
    raise RuntimeError(f"{name} failed")


async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError("bad value")


async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("a", 1))
        tg.create_task(bad(1))


async def main():
    try:
        try:
            async with asyncio.TaskGroup() as outer:
                outer.create_task(inner())
                outer.create_task(fail("c", 2))
        except* RuntimeError as eg:
            print(f"runtime: {eg!r}")
    except ExceptionGroup as eg:
        print(f"rest: {eg!r}")


asyncio.run(main())
