# covers: asyncio.wait_for around a gather (in time, and timing out cancels all children), cleanup prints of cancelled children
import asyncio


async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise


async def main():
    ok = await asyncio.wait_for(asyncio.gather(step("a", 1), step("b", 2)), timeout=3)
    print("in time:", ok)
    try:
        await asyncio.wait_for(asyncio.gather(step("c", 1), step("d", 4), step("e", 5)), timeout=2)
    except asyncio.TimeoutError:
        print("gather timed out")
    await asyncio.sleep(1)
    print("end at", asyncio.get_running_loop().time())


asyncio.run(main())
