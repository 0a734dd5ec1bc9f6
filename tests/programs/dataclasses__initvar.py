"""`InitVar`: a field only `__init__` takes, handed to `__post_init__`,
left out of `fields`, `repr`, `==` and `asdict`."""
import asyncio
from dataclasses import InitVar, asdict, astuple, dataclass, fields, replace


@dataclass
class Scaled:
    a: int
    scale: InitVar[int] = 2
    b: int = 0

    def __post_init__(self, scale):
        self.b = self.a * scale


@dataclass
class Bare:
    x: InitVar[int]


@dataclass(frozen=True)
class Token:
    text: str
    secret: InitVar[str]

    def __post_init__(self, secret):
        print("checking", secret)


async def main():
    s = Scaled(3)
    print(s, Scaled(3, 10), [f.name for f in fields(s)], asdict(s), astuple(s))
    print(Scaled.__match_args__, repr(InitVar[int]), Scaled.scale, s == Scaled(3, 2), s == Scaled(3, 5))
    print(replace(s, a=1), replace(s, a=1, scale=5), InitVar)
    try:
        Bare()
    except TypeError as e:
        print("TypeError", e)
    bare = Bare(1)
    print(bare, vars(bare))
    t = Token("abc", "hunter2")
    print(t, hash(t) == hash(Token("abc", "other")))
    try:
        replace(t, text="x")
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
