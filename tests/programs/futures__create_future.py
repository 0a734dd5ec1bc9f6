# covers: asyncio.get_running_loop().create_future(), fut.set_result, fut.done(), fut.result(), await fut, a future resolved by another task
import asyncio


async def resolve_later(fut, value, seconds):
    await asyncio.sleep(seconds)
    print("setting result", value)
    fut.set_result(value)


async def waiter(name, fut):
    print(name, "waiting")
    value = await fut
    print(name, "got", value)
    return value


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done())
    setter = asyncio.create_task(resolve_later(fut, 42, 2))
    w1 = asyncio.create_task(waiter("w1", fut))
    w2 = asyncio.create_task(waiter("w2", fut))
    await asyncio.sleep(1)
    print("at 1s done?", fut.done())
    print(await w1, await w2)
    print("done?", fut.done(), "result", fut.result())
    print("await again:", await fut)
    ready = loop.create_future()
    ready.set_result("instant")
    print(ready.done(), await ready)
    await setter


asyncio.run(main())
