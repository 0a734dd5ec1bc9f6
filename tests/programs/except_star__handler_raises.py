# covers: an except* clause that raises: its new exception goes on alone, or beside what no clause took in a new group of message ''
import asyncio


async def check(name, delay, bad):
    await asyncio.sleep(delay)
    if bad == "value":
        raise ValueError(f"{name} is bad")
    if bad == "key":
        raise KeyError(name)
    print(f"{name} ok")


async def run(a, b):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("a", 1, a))
            tg.create_task(check("b", 1, b))
            tg.create_task(check("c", 0.5, ""))
    except* ValueError as eg:
        print(f"values: {eg!r}")
        raise RuntimeError(f"{len(eg.exceptions)} bad value(s)")


async def main():
    for b in ("value", "key"):
        try:
            await run("value", b)
        except ExceptionGroup as eg:
            print(f"caught {eg!r}")
            print(f"  {eg}")
            for e in eg.exceptions:
                print(f"  - {type(e).__name__}: {e}")
        except RuntimeError as e:
            print(f"alone: {e!r}")
    await run("", "")


asyncio.run(main())
