import asyncio


async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} broke")
        print(f"{name}: done")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("a", 1, fail=True))
            group.create_task(job("b", 3))
    except* ValueError as failed:
        for e in failed.exceptions:
            print(f"error: {e}")


asyncio.run(main())
