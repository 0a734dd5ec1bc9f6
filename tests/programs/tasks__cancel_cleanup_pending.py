# covers: a task whose handler awaits its cleanup then re-raises, cancelled by main, whose awaiter returns from its handler; a second task left pending, cancelled by asyncio.run at that return, its cleanup awaited whole
import asyncio


async def worker(name):
    try:
        print(f"{name} working")
        await asyncio.sleep(5)
        print(f"{name} never")
    except asyncio.CancelledError:
        print(f"{name} cancelled, cleaning up")
        await asyncio.sleep(0.5)
        raise
    finally:
        print(f"{name} finally")


async def main():
    t = asyncio.create_task(worker("a"))
    u = asyncio.create_task(worker("b"))
    await asyncio.sleep(1)
    t.cancel()
    print("cancel requested")
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancel")
        return 0
    print("after")


asyncio.run(main())
