# covers: gather children finishing at the same instant print in start order, result order independent of finish order
import asyncio


async def task(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "finished at", seconds)
    return name


async def main():
    results = await asyncio.gather(
        task("d", 2), task("a", 1), task("c", 2), task("b", 1), task("e", 0)
    )
    print(results)


asyncio.run(main())
