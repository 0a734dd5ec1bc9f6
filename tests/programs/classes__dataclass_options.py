# covers: @dataclass options: order=True compares the fields in order, frozen=True, field(default=...) and field(default_factory=list)
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def dist(self):
        return (self.x**2 + self.y**2) ** 0.5


@dataclass
class Batch:
    name: str
    items: list[str] = field(default_factory=list)
    size: int = field(default=3)

    def full(self):
        return len(self.items) >= self.size


async def main():
    a = Version(1, 2)
    b = Version(1, 10)
    print(a < b, a > b, a <= Version(1, 2), a >= Version(2), a == Version(1, 2))
    p = Point(3.0, 4.0)
    print(p, p.dist(), p == Point(3.0, 4.0))
    empty = Batch("first")
    await asyncio.sleep(1)
    batch = Batch("second", ["a", "b", "c"])
    print(empty.full(), empty, batch.full(), batch)
    print(Batch("third", size=1), len(batch.items))


asyncio.run(main())
