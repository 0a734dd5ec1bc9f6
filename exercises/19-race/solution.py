import asyncio

# How long each mirror takes to send the same file, in seconds.
MIRRORS = {"east": 1.0, "west": 2.5, "north": 4.0}


async def download(mirror):
    try:
        await asyncio.sleep(MIRRORS[mirror])
        print(f"{mirror}: done")
        return mirror
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise


async def main():
    tasks = [asyncio.create_task(download(m)) for m in MIRRORS]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in tasks:
        if task in pending:
            task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    winner = done.pop().result()
    print(f"fastest mirror: {winner}")


asyncio.run(main())
