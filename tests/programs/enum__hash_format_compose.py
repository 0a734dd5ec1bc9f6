"""enum details: IntEnum members hash and compare as their ints, format()
of members, Flag members composed in the class body, pseudo-members,
_missing_ and _generate_next_value_."""
import asyncio
import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto


class Color(IntEnum):
    RED = 1
    GREEN = 2


class Tag(StrEnum):
    NEW = auto()
    OLD = "old"


class Shade(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    LATER = auto()


class Access(IntFlag):
    R = 4
    W = 2
    X = 1
    RW = R | W
    ALL = R | W | X


class Plain(Enum):
    A = auto()
    B = auto()


class Status(Enum):
    OK = "ok"
    FAIL = "fail"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        if value == 0:
            return "zero"
        if value == 1:
            raise KeyError(value)
        return None


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return f"{name.lower()}-{start}-{count}-{len(last_values)}"

    ALPHA = auto()
    FIXED = 7
    BETA = auto()


async def main():
    table = {Color.RED: "red", 2: "two"}
    print(table[1], table[Color.GREEN], hash(Color.RED) == hash(1), 1 in {Color.RED})
    print(Color.GREEN in {2: "x"}, {1, Color.RED, 2, Color.GREEN}, {Color.RED: 1, 1: 2})
    print(Tag.NEW in {"new"}, {"old": 1}[Tag.OLD], hash(Tag.OLD) == hash("old"))
    print([1, 2].index(Color.GREEN), Color.RED == 1, (1, 2) == (Color.RED, Color.GREEN))
    print(format(Color.RED, ">4"), f"{Color.GREEN:03}", f"{Tag.NEW:>6}|", f"{Plain.A:<10}|")
    print(Shade.WHITE, repr(Shade.WHITE), Shade.LATER.value, list(Shade))
    print(Shade(3), repr(Shade(3)), Shade(6) in Shade.WHITE, Shade.RED | Shade.BLUE)
    print(repr(Shade(0)), str(Shade(0)), bool(Shade(0)), repr(~Shade.RED))
    print(Access.RW, repr(Access.ALL), Access(5), repr(Access(5)), Access.R | 8)
    print(Plain.A.value, Plain.B.value, [m.name for m in Shade], Shade.WHITE.name)
    print(Status("OK"), Status("Fail"), [m.value for m in Named])
    for value in (3, 0, 1):
        try:
            Status(value)
        except Exception as e:
            print(type(e).__name__, e, repr(e.__context__))
    await asyncio.sleep(0.1)
    print(len(Shade), Shade["WHITE"] is Shade(7), Shade(7).name)


asyncio.run(main())
