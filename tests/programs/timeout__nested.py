# covers: nested asyncio.timeout blocks (the inner one expiring first, the outer one expiring first), reschedule() later, sooner and to None, timeout_at, an expiry at the same instant as a sleep's end, cancelling()/uncancel() counts
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("inner expired", loop.time(), task.cancelling())
            await asyncio.sleep(1)
            print("outer still running", loop.time())
    except TimeoutError:
        print("not reached")

    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(5):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("not reached")
            except asyncio.CancelledError:
                print("inner sees the cancel", task.cancelling())
                raise
    except TimeoutError:
        print("outer expired", loop.time(), task.cancelling())

    async with asyncio.timeout(1) as cm:
        cm.reschedule(loop.time() + 3)
        await asyncio.sleep(2)
        print("rescheduled later", cm.when(), loop.time())

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 1)
            await asyncio.sleep(5)
    except TimeoutError:
        print("rescheduled sooner", loop.time())

    async with asyncio.timeout(1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(2)
        print("rescheduled to never", cm.when(), loop.time())

    try:
        async with asyncio.timeout_at(loop.time() + 2):
            await asyncio.sleep(2)
            print("not reached: the deadline's timer was made first")
    except TimeoutError:
        print("timeout_at expired with the sleep", loop.time())

    sleeper = asyncio.create_task(asyncio.sleep(2, "slept"))
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout_at(loop.time() + 2):
            print(await sleeper)
    except TimeoutError:
        print("the sleep's timer came first, yet the cancel wins", sleeper.cancelled(), loop.time())

    cm = asyncio.timeout(1)
    try:
        cm.reschedule(3)
    except RuntimeError as e:
        print(e)
    async with cm:
        pass
    try:
        cm.reschedule(3)
    except RuntimeError as e:
        print(e)
    print(task.cancelling(), task.uncancel(), task.cancelling())


asyncio.run(main())
