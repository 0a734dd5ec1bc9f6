import asyncio


async def child(name, d):
    try:
        print(f"{name} in")
        await asyncio.sleep(d)
        print(f"{name} out")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    return name


async def main():
    e = asyncio.create_task(child("early", 1))
    e.cancel()
    try:
        await e
    except asyncio.CancelledError:
        print("early was cancelled before starting")
        return 1
    finally:
        print("finally after early")


asyncio.run(main())
