import asyncio


async def echo():
    total = 0
    try:
        while True:
            try:
                got = yield total
            except ValueError as e:
                print("echo caught", repr(e))
                got = -1
            await asyncio.sleep(0.1)
            total += got or 0
    finally:
        print("echo finally, total", total)


async def two():
    yield 1
    yield 2


async def main():
    g = echo()
    print(await g.__anext__())
    print(await g.asend(5))
    print(await g.asend(7))
    print(await g.athrow(ValueError("bad")))
    print(await g.athrow(ValueError, "worse"))
    await g.aclose()
    await g.aclose()
    try:
        await anext(g)
    except StopAsyncIteration:
        print("closed: StopAsyncIteration")
    t = two()
    print(await anext(t), await anext(t), await anext(t, "end"))
    fresh = echo()
    try:
        await fresh.asend(3)
    except TypeError as e:
        print("TypeError:", e)
    await fresh.aclose()
    print("fresh closed before start: no finally")
    try:
        await anext(3)
    except TypeError as e:
        print("TypeError:", e)
    h = two()
    print(await h.__aiter__().__anext__())
    try:
        await h.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow raised back", repr(e))


asyncio.run(main())
