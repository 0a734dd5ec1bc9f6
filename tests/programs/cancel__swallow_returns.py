# covers: a task that swallows its cancellation and returns what it has so far; the canceller awaits that value, no CancelledError; a task left to finish returns its whole result
import asyncio


async def download(name, parts):
    received = 0
    try:
        for _ in range(parts):
            await asyncio.sleep(1)
            received += 10
            print(name, "received", received)
    except asyncio.CancelledError:
        print(name, "cancelled with", received)
        return f"{name}: partial {received}"
    return f"{name}: complete {received}"


async def main():
    big = asyncio.create_task(download("big", 10))
    small = asyncio.create_task(download("small", 2))
    await asyncio.sleep(3.5)
    big.cancel()
    small.cancel()
    print(await big)
    print(await small)


asyncio.run(main())
