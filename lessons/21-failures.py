import asyncio


async def fetch(name, seconds, fails=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if fails:
        raise ValueError(f"{name} is down")
    print(f"{name}: ok")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("users", 0.5))
            tg.create_task(fetch("orders", 1, fails=True))
            tg.create_task(fetch("prices", 2))
    except* ValueError as group:
        for error in group.exceptions:
            print(f"main: the group failed: {error}")
    results = await asyncio.gather(
        fetch("users", 0.5),
        fetch("orders", 1, fails=True),
        fetch("prices", 2),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, Exception):
            print(f"main: gather gave an error: {result}")
        else:
            print(f"main: gather gave {result}")


asyncio.run(main())
