# covers: asyncio.wait_for around asyncio.shield(task): at the deadline the wait ends with TimeoutError and the task goes on, awaited again after; a shielded task that ends in time gives its value
import asyncio


async def save(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "saved")
    return name + " ok"


async def main():
    loop = asyncio.get_running_loop()
    slow = asyncio.create_task(save("slow", 2))
    try:
        await asyncio.wait_for(asyncio.shield(slow), 1)
    except TimeoutError:
        print("timed out, still saving:", slow.done(), loop.time())
    print(await slow, loop.time())
    quick = asyncio.create_task(save("quick", 0.5))
    try:
        await asyncio.wait_for(asyncio.shield(quick), 1)
    except TimeoutError:
        print("not reached")
    print("in time:", quick.done(), loop.time())
    print(await quick)


asyncio.run(main())
