# covers: a class that defines __eq__ and not __hash__ gets __hash__ = None: its instances (and its subclasses', and tuples holding them) are not set members or dict keys; __hash__ = None does the same; a plain class hashes by identity
import asyncio


class Q:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


class SubQ(Q):
    pass


class NoHash:
    __hash__ = None


class Plain:
    pass


async def main():
    print(Q(1) == Q(1), Q(1) in [Q(1)])
    for make in [lambda: {Q(1)}, lambda: {Q(1): "a"}, lambda: {(1, SubQ(2))}, lambda: set([NoHash()])]:
        try:
            print(make())
        except TypeError as e:
            print("TypeError:", e)
    p = Plain()
    d = {p: "first"}
    d[p] = "again"
    d[Plain()] = "other"
    print(len(d), d[p], p in {p}, Plain() in {p})
    await asyncio.sleep(0)


asyncio.run(main())
