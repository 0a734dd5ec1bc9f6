# An enum class prints as <enum 'Name'>, a flag class as <flag 'Name'>;
# flag combinations print as 3.11 prints them.
import asyncio
import enum
from enum import Enum, Flag, IntEnum, StrEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Kind(StrEnum):
    A = auto()


class Perm(Flag):
    R = 4
    W = 2
    X = 1


async def main():
    await asyncio.sleep(0.1)
    print(repr(Color), str(Color), Color)
    print(repr(Level), repr(Kind), repr(Perm))
    print(repr(Enum), repr(IntEnum), repr(StrEnum), repr(Flag), repr(enum.Enum))
    print([Color, Perm])
    print(repr(Perm.R | Perm.W), repr(Perm.R | Perm.W | Perm.X), repr(Perm(0)), str(Perm.R | Perm.X))
    print(f"{type(Color.RED)!r} {type(Perm.R | Perm.W)!r}")


asyncio.run(main())
