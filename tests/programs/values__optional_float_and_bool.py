# covers: a coroutine returning a float, a bool or None prints each as Python does, alone and in a tuple, and x or default of an optional float
import asyncio


async def ratio(n):
    await asyncio.sleep(0.1)
    if n > 0:
        return n / 4
    return None


async def ready(n):
    await asyncio.sleep(0.1)
    if n > 1:
        return n > 2
    return None


async def main():
    r = await ratio(2)
    z = await ratio(0)
    print(r, z)
    print(r is None, z is None)
    b = await ready(3)
    c = await ready(0)
    print(b, c)
    pair = (r, b)
    print(pair)
    print(await ratio(0) or 1.5)


asyncio.run(main())
