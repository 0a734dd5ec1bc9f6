"""dataclasses: fields, defaults, factories, order, frozen, __post_init__,
asdict, replace and KW_ONLY, with CPython's reprs and comparisons."""
import asyncio
import dataclasses
from dataclasses import KW_ONLY, asdict, astuple, dataclass, field, replace


@dataclass
class Job:
    name: str
    priority: int = 0
    tags: list[str] = field(default_factory=list)
    attempts: int = field(default=0, compare=False, repr=False)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def dist(self) -> float:
        return (self.x**2 + self.y**2) ** 0.5


@dataclass
class Order:
    item: str
    qty: int
    unit: float
    total: float = field(init=False)

    def __post_init__(self):
        self.total = self.qty * self.unit


@dataclass
class Options:
    host: str
    _: KW_ONLY
    port: int = 8080
    secure: bool = False


@dataclass
class Batch:
    jobs: list[Job]
    owner: Point


@dataclass
class Retry(Job):
    delay: float = 1.0


async def worker(job: Job) -> Job:
    await asyncio.sleep(job.priority)
    job.attempts += 1
    return job


async def main():
    a = Job("build", 2, ["ci"])
    b = Job("test")
    print(a, b)
    print(a == Job("build", 2, ["ci"], attempts=5), a == b, a != b)
    done = await asyncio.gather(worker(a), worker(b))
    print(done, done[0].attempts)
    print(sorted([Version(1, 2), Version(0, 9, "old"), Version(1, 0)]))
    print(Version(1, 2) < Version(1, 10), Version(2) >= Version(2, 0, "x"), max(Version(3), Version(1, 5)))
    p = Point(3, 4)
    print(p, p.dist(), hash(p) == hash(Point(3, 4)), p == Point(3.0, 4.0))
    try:
        p.x = 10
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    try:
        del p.y
    except AttributeError as e:
        print(type(e).__name__, e)
    o = Order("pen", 3, 1.5)
    print(o, o.total)
    print(Options("db"), Options("db", port=5432, secure=True))
    print(asdict(Batch([a, b], p)))
    print(astuple(p), replace(p, y=0), replace(a, name="deploy"))
    r = Retry("fetch", delay=0.5)
    print(r, [f.name for f in dataclasses.fields(r)], dataclasses.is_dataclass(r), dataclasses.is_dataclass(3))
    for bad in [lambda: Job(), lambda: Job("x", 1, [], 0, 9), lambda: Job("x", nope=1), lambda: Options("h", 1),
                lambda: Version(1) < Job("x")]:
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        hash(a)
    except TypeError as e:
        print("TypeError:", e)
    try:
        @dataclass
        class Bad:
            items: list = []
    except ValueError as e:
        print("ValueError:", e)
    try:
        @dataclass
        class Bad2:
            a: int = 1
            b: int
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
