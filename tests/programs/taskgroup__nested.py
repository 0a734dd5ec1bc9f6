# covers: nested TaskGroups: an inner group's ExceptionGroup fails its task in the outer group, which wraps it; two failures at one instant are both collected
import asyncio


async def fail(name, delay):
    await asyncio.sleep(delay)
    raise RuntimeError(f"{name} failed")


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} woke")
    finally:
        print(f"{name} exits")


async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("a", 1))
        tg.create_task(fail("b", 1))
        tg.create_task(sleeper("inner sleeper", 3))
    print("inner not reached")


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner())
            outer.create_task(sleeper("outer sleeper", 0.5))
            outer.create_task(sleeper("outer long", 4))
    except ExceptionGroup as eg:
        print(repr(eg))
        nested = eg.exceptions[0]
        print(type(nested).__name__, len(nested.exceptions))
        for e in nested.exceptions:
            print(" -", type(e).__name__, e)
    async with asyncio.TaskGroup() as empty:
        pass
    print("empty group:", repr(empty))


asyncio.run(main())
