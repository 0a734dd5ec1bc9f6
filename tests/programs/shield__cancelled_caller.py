# covers: asyncio.shield of a coroutine: cancelling the task that awaits it runs the caller's cleanup while the shielded call goes on to its end
import asyncio


async def save(name):
    await asyncio.sleep(2)
    print("saved", name)
    return name


async def worker():
    try:
        print("worker: saving")
        saved = await asyncio.shield(save("log"))
        print("worker: got", saved)
    finally:
        print("worker: stopped")


async def main():
    first = await asyncio.shield(save("settings"))
    print("main: shield gave", first)
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(2)
    print("main: end")


asyncio.run(main())
