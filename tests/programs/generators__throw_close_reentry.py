import asyncio


def selfish():
    yield next(me)


def counter():
    n = 0
    try:
        while True:
            n += 1
            yield n
    finally:
        print(f"counter closed at {n}")


async def main():
    global me
    me = selfish()
    try:
        next(me)
    except ValueError as e:
        print(f"ValueError: {e}")
    c = counter()
    print(next(c), next(c))
    try:
        c.throw(KeyError)
    except KeyError as e:
        print(f"KeyError came back: {e!r}")
    print(next(c, "exhausted"))
    c.close()
    print("closing again is fine")
    await asyncio.sleep(0)


asyncio.run(main())
