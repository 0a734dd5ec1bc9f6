import asyncio


async def mirror(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: answered")
    return f"{name}'s copy"


async def main():
    mirrors = [
        asyncio.create_task(mirror("paris", 1.2), name="paris"),
        asyncio.create_task(mirror("tokyo", 0.7), name="tokyo"),
        asyncio.create_task(mirror("lima", 2), name="lima"),
    ]
    done, pending = await asyncio.wait(mirrors, return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        print(f"main: got {task.result()}, {len(pending)} still running")
    for task in mirrors:
        if not task.done():
            task.cancel()
    await asyncio.wait(pending)
    for task in mirrors:
        if task.cancelled():
            print(f"main: {task.get_name()} was cancelled")


asyncio.run(main())
