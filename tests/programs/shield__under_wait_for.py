# covers: wait_for around a shield times out while the shielded task runs on; cancelling a task that awaits asyncio.wait leaves the awaited task running
import asyncio


async def save():
    await asyncio.sleep(2)
    print("saved")
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(t), 1)
    except TimeoutError:
        print("timed out, still saving", t.done(), loop.time())
    print(await t, loop.time())
    t = asyncio.create_task(save())
    waiter = asyncio.create_task(asyncio.wait([t]))
    await asyncio.sleep(1)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("wait cancelled; task left running:", t.done())
    await t
    print("end", loop.time())


asyncio.run(main())
