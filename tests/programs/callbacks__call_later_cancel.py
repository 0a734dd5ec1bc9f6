# covers: loop.call_soon and loop.call_later with a plain function and its arguments, a Handle cancelled before its time, callbacks running while main sleeps
import asyncio


def tick(label, n):
    print("tick", label, n)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, tick, "later", 1)
    handle = loop.call_later(2.5, tick, "cancelled", 2)
    loop.call_soon(tick, "soon", 3)
    print("scheduled")
    await asyncio.sleep(1.5)
    handle.cancel()
    print("cancelled the second")
    await asyncio.sleep(2)
    print("end")


asyncio.run(main())
