# covers: asyncio.wait_for finishing in time, wait_for returning the result, wait_for of a task, elapsed time
import asyncio


async def lookup(name, seconds):
    await asyncio.sleep(seconds)
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    result = await asyncio.wait_for(lookup("dns", 1), timeout=2)
    print("got", result, "at", loop.time())
    t = asyncio.create_task(lookup("cache", 0.5))
    print("task result", await asyncio.wait_for(t, 5), t.done())
    print(await asyncio.wait_for(asyncio.sleep(0.25, result="slept"), timeout=1))
    print("done at", loop.time())


asyncio.run(main())
