import asyncio


async def countdown(steps):
    remaining = steps
    while remaining > 0:
        await asyncio.sleep(1)
        remaining -= 1
        print(f"countdown: {remaining} left")


async def retry():
    attempt = 1
    delay = 0.5
    connected = False
    while not connected:
        print(f"retry: attempt {attempt}")
        await asyncio.sleep(delay)
        if attempt >= 3:
            connected = True
        else:
            attempt += 1
            delay *= 2
    print(f"retry: connected after {attempt} attempts")


async def main():
    c = asyncio.create_task(countdown(3))
    r = asyncio.create_task(retry())
    await c
    await r


asyncio.run(main())
