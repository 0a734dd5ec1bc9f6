# covers: several tasks awaiting one future wake in the order they started waiting, the setter keeps running until it awaits
import asyncio


async def waiter(name, fut):
    print(name, "waits")
    value = await fut
    print(name, "woke with", value)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ["w3", "w1", "w2"]]
    await asyncio.sleep(1)
    print("main: setting the result")
    fut.set_result("go")
    print("main: result set, waiters have not run yet:", fut.done())
    await asyncio.sleep(0)
    print("main: after sleep(0)")
    for t in tasks:
        await t
    print("main: done")


asyncio.run(main())
