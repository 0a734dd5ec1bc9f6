"""`@dataclass(slots=True)`: instances without a `__dict__`, defaults kept
by `__init__`; `__match_args__` from the positional fields."""
import asyncio
from dataclasses import KW_ONLY, dataclass, field


@dataclass(slots=True)
class Job:
    name: str
    retries: int = 3
    tags: list = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Point:
    x: int
    y: int = 0


@dataclass
class Task:
    name: str
    _: KW_ONLY
    priority: int = 0


@dataclass(match_args=False)
class Quiet:
    a: int


async def main():
    job = Job("fetch")
    job.retries -= 1
    job.tags.append("net")
    print(job, Job.__slots__, Job.__match_args__)
    try:
        job.owner = "me"
    except AttributeError as e:
        print("AttributeError", e)
    try:
        print(vars(job))
    except TypeError as e:
        print("TypeError", e)
    p = Point(1)
    print(p, p == Point(1, 0), hash(p) == hash(Point(1, 0)), Point.__slots__)
    try:
        p.x = 5
    except AttributeError as e:
        print(type(e).__name__, e)
    print(Task.__match_args__, Task("t", priority=2), "__match_args__" in vars(Quiet))
    try:

        @dataclass(slots=True)
        class Twice:
            __slots__ = ("a",)
            a: int

    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
