# covers: asyncio.gather with an exception in one child propagating to the awaiter while others keep running
import asyncio


async def job(name, seconds, fail=False):
    print(name, "started")
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(name, "finished")
    return name


async def main():
    try:
        await asyncio.gather(job("a", 1), job("b", 2, fail=True), job("c", 3))
    except RuntimeError as e:
        print("gather raised:", e)
    print("main keeps going while c still runs")
    await asyncio.sleep(2)
    print("main done")


asyncio.run(main())
