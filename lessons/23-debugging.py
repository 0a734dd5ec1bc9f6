import asyncio


async def fetch(seconds, ready=None):
    name = asyncio.current_task().get_name()
    print(f"{name}: started")
    if ready is not None:
        await ready.wait()  # the bug: nothing ever sets it
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    ready = asyncio.Event()
    tasks = [
        asyncio.create_task(fetch(1), name="users"),
        asyncio.create_task(fetch(0.5, ready), name="orders"),
        asyncio.create_task(fetch(1.5), name="prices"),
    ]
    await asyncio.sleep(3)
    stuck = [t.get_name() for t in tasks if not t.done()]
    print(f"main: still running after 3 s: {stuck}")
    for t in tasks:
        t.cancel()


asyncio.run(main())
