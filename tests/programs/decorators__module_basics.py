"""Module basics: the main guard, the module docstring, future imports,
class decorators, hash(), id(), vars() and callable()."""
from __future__ import annotations

import asyncio


def tagged(cls):
    cls.tag = cls.__name__.lower()
    return cls


def with_label(label):
    def decorate(cls):
        cls.label = label
        return cls

    return decorate


@tagged
@with_label("point")
class Point:
    """A point."""

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Plain:
    pass


async def main() -> None:
    print(__name__, __doc__.splitlines()[0])
    p = Point(1, 2)
    print(Point.tag, Point.label, p.tag, Point.__doc__, Point.__name__, Point.__module__)
    print(hash(p) == hash((1, 2)), hash(Point(1, 2)) == hash(p))
    print(hash(7), hash(-1), hash(2**61), hash(1.5), hash((1, 2)), hash(True), hash(()))
    print(hash((1, (2.5, -3))), hash(10**30), hash(-(10**30)))
    print(vars(p))
    q = Plain()
    q.a = 1
    q.b = [2]
    print(vars(q), id(q) == id(q), id(q) != id(p))
    print(hash(q) == hash(q))
    try:
        hash([1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        hash({"a": 1})
    except TypeError as e:
        print("TypeError:", e)
    print(callable(main), callable(p), callable(print), callable(Point))


if __name__ == "__main__":
    asyncio.run(main())
else:
    print("imported")
