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
    results = await asyncio.gather(*(download(m) for m in MIRRORS))
    print(f"fastest mirror: {results[0]}")


asyncio.run(main())
