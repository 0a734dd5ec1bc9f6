# covers: cancelling several tasks: their except/finally blocks run in the order cancel() was called, cleanup that awaits
import asyncio


async def service(name):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "finally")


async def main():
    tasks = {n: asyncio.create_task(service(n)) for n in ["db", "web", "cache"]}
    await asyncio.sleep(1)
    for name in ["cache", "db", "web"]:
        print("cancelling", name)
        tasks[name].cancel()
    print("all cancel() calls made")
    await asyncio.sleep(0)
    print("after sleep(0):", [t.cancelled() for t in tasks.values()])


asyncio.run(main())
