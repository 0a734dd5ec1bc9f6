import asyncio


async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    ev.set()
    await ev.wait()
    print("set", ev.is_set())
    ev.clear()
    print("cleared", ev.is_set())


asyncio.run(main())
