import asyncio


async def greet(name):
    print(f"hello, {name}")
    await asyncio.sleep(1)
    print(f"goodbye, {name}")


async def main():
    coro = greet("Ada")
    print("made a coroutine object; nothing has run yet")
    forgotten = greet("Ghost")
    await asyncio.sleep(1)
    print("now awaiting it")
    await coro
    print("main is done")


asyncio.run(main())
