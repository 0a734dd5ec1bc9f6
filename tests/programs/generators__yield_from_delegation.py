import asyncio


def averager():
    total = 0
    count = 0
    while True:
        value = yield (total / count if count else None)
        if value is None:
            return (count, total)
        total += value
        count += 1


def delegator(results):
    while True:
        summary = yield from averager()
        results.append(summary)
        print(f"sub-generator returned {summary}")


def inner():
    try:
        got = yield "first"
        print(f"inner got {got!r}")
        got = yield "second"
        print(f"inner got {got!r}")
    except ValueError as e:
        print(f"inner caught {e!r}")
        yield "after throw"
    finally:
        print("inner cleanup")
    return "inner done"


def outer():
    result = yield from inner()
    print(f"outer got {result!r}")
    yield "outer last"


def finite():
    yield 1
    return 42


async def main():
    results = []
    d = delegator(results)
    next(d)
    for v in [10, 20, 30]:
        print(f"running average {d.send(v)}")
    d.send(None)
    for v in [1, 2]:
        print(f"running average {d.send(v)}")
    d.send(None)
    print(f"results {results}")

    g = outer()
    print(next(g))
    print(g.send("hello"))
    print(g.throw(ValueError("bad")))
    print(next(g))

    g = outer()
    print(next(g))
    g.close()
    print("closed")

    f = finite()
    print(next(f))
    try:
        next(f)
    except StopIteration as e:
        print(f"StopIteration value={e.value!r} args={e.args!r}")
    try:
        next(f)
    except StopIteration as e:
        print(f"again value={e.value!r} args={e.args!r}")
    e = StopIteration("x", "y")
    print(e.value, e.args, StopIteration().value)

    def listing():
        r = yield from [1, 2]
        print(f"list gave {r!r}")
        return "ok"

    print(list(listing()))
    gen = listing()
    next(gen)
    try:
        gen.send(5)
    except AttributeError as e:
        print(f"AttributeError: {e}")

    fresh = finite()
    try:
        fresh.send(1)
    except TypeError as e:
        print(f"TypeError: {e}")
    try:
        fresh.throw(KeyError("k"))
    except KeyError as e:
        print(f"thrown into a fresh generator: {e!r}")
    print(list(fresh))

    def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    s = stubborn()
    next(s)
    try:
        s.close()
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    await asyncio.sleep(0)


asyncio.run(main())
