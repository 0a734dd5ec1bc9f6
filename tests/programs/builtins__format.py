"""format(value, spec) on the built-in types, a class's own __format__
(through format(), f-strings and str.format), and enum members as 3.11
formats them."""
import asyncio
import datetime
import enum


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        return f"${self.cents / 100:{spec}}"


class Loud:
    def __str__(self):
        return "LOUD"


class Bad:
    def __format__(self, spec):
        return 42


class Color(enum.Enum):
    RED = 1
    GREEN = "g"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 10


class Mode(enum.StrEnum):
    FAST = "fast"


class Perm(enum.Flag):
    R = 4
    W = 2


class Bits(enum.IntFlag):
    A = 1
    B = 2


async def main():
    print(format(42), format(42, "05d"), format(255, "#x"), format(-7, "+"), format(10**20, ","))
    print(format(3.14159, ".2f"), format(1e-7), format(2.5, "e"), format(0.125, "%"), format(1.0, "g"))
    print(repr(format("abc", "^9")), format("abc", ".2"), format(True), format(False, "d"), format(True, "x"))
    print(format(None), repr(format("")), format([1, 2]), format((1,)), format({"a": 1}))
    m = Money(1234)
    print(format(m), format(m, ">10.1f"), f"{m}", f"{m:08.3f}", "{} {:.0f}".format(m, m))
    print(format(Loud()), f"{Loud()}", "{}".format(Loud()))
    for value, spec in [(None, "x"), (Loud(), ">5"), ([1], "3"), ((), "s")]:
        try:
            format(value, spec)
        except TypeError as e:
            print("TypeError:", e)
    try:
        f"{Loud():>9}"
    except TypeError as e:
        print("TypeError:", e)
    for value, spec in [(1, "s"), ("x", "d"), (1.5, "d"), ("x", "+")]:
        try:
            format(value, spec)
        except ValueError as e:
            print("ValueError:", e)
    try:
        format(Bad())
    except TypeError as e:
        print("TypeError:", e)
    try:
        format(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    print(format(Color.RED), repr(format(Color.RED, ">12")), f"{Color.GREEN:*^14}")
    print(format(Level.HIGH), format(Level.HIGH, "03d"), f"{Level.LOW:>4}|{Level.HIGH:x}")
    print(format(Mode.FAST, ">6"), f"{Mode.FAST!r:>20}", f"{Perm.R}", f"{Perm.R | Perm.W:>12}")
    print(f"{Bits.A | Bits.B}", format(Bits.B, "04b"))
    d = datetime.date(2024, 5, 17)
    print(format(d), format(d, "%d/%m/%Y"), f"{d:%A}", format(datetime.timedelta(hours=2)))
    await asyncio.sleep(1)
    print(f"{'done':>8}")


asyncio.run(main())
