# covers: __str__ and __repr__ of plain classes, printed alone, in lists, with str(), repr() and !r
import asyncio


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Reading:
    def __init__(self, name, value, unit):
        self.name = name
        self.value = value
        self.unit = unit

    def __str__(self):
        return f"{self.name}={self.value:.1f}{self.unit}"

    def __repr__(self):
        return f"Reading({self.name!r}, {self.value})"


async def main():
    p = Point(1, 2)
    r = Reading("temp", 21.25, "C")
    await asyncio.sleep(1)
    print(p, r, repr(r), str(p))
    print([Point(5, 6), Point(3, 4)], [Reading("wind", 3.0, "m/s")])
    print(f"{r} / {r!r} / {p}")


asyncio.run(main())
