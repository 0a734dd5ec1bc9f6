# Frozen dataclasses hash by their fields: dict keys, set members, a cache
# shared by tasks; FrozenInstanceError; unsafe_hash; eq without frozen.
import asyncio
import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


@dataclass(unsafe_hash=True)
class Item:
    sku: int
    qty: int = field(default=0, compare=False)


@dataclass
class Mutable:
    a: int


@dataclass(frozen=True, eq=False)
class ByIdentity:
    a: int


cache = {}


async def area(corner):
    if corner in cache:
        print(f"{corner} from the cache")
        return cache[corner]
    await asyncio.sleep(0.5)
    cache[corner] = corner.x * corner.y
    print(f"{corner} computed")
    return cache[corner]


async def main():
    p = Point(3, 4)
    print(hash(p) == hash((3, 4)), p == Point(3, 4), p is Point(3, 4))
    print({p: "here"}[Point(3, 4)], Point(3, 4) in {p}, len({p, Point(3, 4), Point(4, 3)}))
    print(sorted({Point(2, 1), Point(1, 2), Point(1, 2)}, key=lambda q: (q.x, q.y)))
    print(set([Point(1, 1), Point(2, 2), Point(1, 1)]) == {Point(2, 2), Point(1, 1)})
    try:
        p.x = 10
    except FrozenInstanceError as e:
        print(type(e).__name__, "-", e, "-", isinstance(e, AttributeError))
    try:
        del p.y
    except dataclasses.FrozenInstanceError as e:
        print(type(e).__name__, "-", e)
    print(hash(Item(7, 1)) == hash((7,)), Item(7, 1) == Item(7, 2), {Item(7, 1): "seven"}[Item(7, 99)])
    try:
        hash(Mutable(1))
    except TypeError as e:
        print("TypeError:", e)
    try:
        {Mutable(1): 1}
    except TypeError as e:
        print("TypeError:", e)
    print(Mutable.__hash__)
    b = ByIdentity(1)
    print(b == ByIdentity(1), {b: 1}[b], ByIdentity(1) in {b})
    results = await asyncio.gather(area(Point(2, 3)), area(Point(5, 5)))
    print(results, await area(Point(2, 3)), len(cache))


asyncio.run(main())
