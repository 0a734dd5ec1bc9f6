import asyncio


async def brew(name, delay):
    await asyncio.sleep(delay)
    print("brewed", name)
    return f"{name} tea"


async def serve(task):
    print("serving", await task)
    await task
    return await task + " again"


async def main():
    green = asyncio.create_task(brew("green", 2))
    black = asyncio.create_task(brew("black", 1))
    print(await serve(green))
    print(await serve(black))


asyncio.run(main())
