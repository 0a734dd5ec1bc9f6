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
    tasks = [
        asyncio.create_task(job("a", 1, fail=True)),
        asyncio.create_task(job("b", 3)),
    ]
    for task in tasks:
        try:
            await task
        except ValueError as e:
            print(f"error: {e}")


asyncio.run(main())
