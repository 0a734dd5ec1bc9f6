# covers: asyncio.current_task().get_name() in a coroutine that main spawns, gathers and awaits: each call runs in a task of its own name (Task-N in creation order, or the name given), an awaited call in main's Task-1
import asyncio


async def whoami(label, delay):
    await asyncio.sleep(delay)
    name = asyncio.current_task().get_name()
    print(label, "runs in", name)
    return name


async def job(n):
    await asyncio.sleep(n)
    return n * 10


async def main():
    print("main is", asyncio.current_task().get_name())
    t = asyncio.create_task(whoami("first", 0.2))
    named = asyncio.create_task(whoami("second", 0.1), name="custom")
    print(await t, await named)
    names = await asyncio.gather(whoami("g1", 0.2), whoami("g2", 0.1))
    print(names)
    print(await whoami("direct await", 0.5))
    jobs = [asyncio.create_task(job(n)) for n in range(3)]
    for j in jobs:
        print(j.get_name(), "gives", await j)
    last = asyncio.create_task(whoami("last", 0.1))
    await last
    print(last.get_name())


asyncio.run(main())
