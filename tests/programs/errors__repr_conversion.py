# covers: an f-string's !r (and =) of a caught exception shows its repr, in an except and an except* clause
import asyncio


async def check(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"{name} failed after {delay}s")


async def idle(delay):
    await asyncio.sleep(delay)


async def main():
    try:
        await check("disk", 1)
    except ValueError as e:
        print(f"caught {e!r}, saying {e}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("net", 1))
            tg.create_task(check("cpu", 2))
    except* ValueError as eg:
        print(f"group {eg!r}")
        print(f"saying {eg}")
    try:
        await asyncio.wait_for(idle(5), timeout=1)
    except TimeoutError as e:
        print(f"gave up: {e=}")


asyncio.run(main())
