# covers: except* takes each kind of error out of a TaskGroup's ExceptionGroup; an unmatched part goes on, keeping the group's shape; a handler's new error joins what is left
import asyncio


async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error is not None:
        raise error
    print(f"{name} fetched")
    return name


async def run_batch(label, jobs):
    print(f"batch {label}")
    try:
        async with asyncio.TaskGroup() as tg:
            for name, delay, error in jobs:
                tg.create_task(fetch(name, delay, error))
    except* TimeoutError as eg:
        print(f"  retry later: {len(eg.exceptions)} timed out")
    except* ConnectionError as eg:
        print(f"  connection trouble: {eg!r}")
        raise RuntimeError(f"batch {label} gave up")


async def main():
    await run_batch("A", [("a1", 1, None), ("a2", 1, TimeoutError("a2 slow")), ("a3", 1, TimeoutError("a3 slow"))])
    try:
        await run_batch("B", [("b1", 0.5, ConnectionResetError("b1 reset")), ("b2", 0.5, KeyError("b2"))])
    except ExceptionGroup as eg:
        print(f"main got {eg!r}")
        print(f"its first error's context: {eg.exceptions[0].__context__!r}")
    try:
        await run_batch("C", [("c1", 1, ValueError("c1 bad")), ("c2", 2, None)])
    except ExceptionGroup as eg:
        print(f"unmatched: {eg!r}")


asyncio.run(main())
