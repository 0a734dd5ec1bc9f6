import asyncio


async def add(a, b):
    print(f"add({a}, {b})")
    await asyncio.sleep(1)
    return a + b


async def other():
    print("other runs")


async def main():
    loop = asyncio.get_running_loop()
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    asyncio.create_task(other())
    print("submitted, done:", future.done())
    print(await asyncio.wrap_future(future))


asyncio.run(main())
