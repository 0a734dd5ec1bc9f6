"""enum: Enum, IntEnum, StrEnum and auto, as 3.11 prints them."""
import asyncio
import enum
from enum import Enum, IntEnum, StrEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name.lower()} ({self.value})"


class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()


class Priority(IntEnum):
    LOW = 1
    HIGH = 5


class Mode(StrEnum):
    FAST = auto()
    SAFE = "careful"


async def job(name, state):
    await asyncio.sleep(1)
    print(f"{name}: {state} -> {State.DONE}")
    return State.DONE


async def main():
    print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color.CRIMSON)
    print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED is Color.CRIMSON)
    print([s.value for s in State], State.RUNNING.describe if False else State.RUNNING)
    print(Color.BLUE.describe(), isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
    print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
    print(Priority.HIGH, repr(Priority.LOW), Priority.HIGH > Priority.LOW, Priority.LOW == 1, Priority(5))
    print(sorted([Priority.HIGH, Priority.LOW]), f"{Priority.HIGH}")
    print(Mode.FAST, repr(Mode.SAFE), Mode.FAST == "fast", f"mode={Mode.SAFE}")
    print(list(Color.__members__), {c: c.value for c in State})
    results = await asyncio.gather(job("a", State.PENDING), job("b", State.RUNNING))
    print(results, results[0] is State.DONE)
    for bad in [lambda: Color(9), lambda: Color["PINK"]]:
        try:
            bad()
        except (ValueError, KeyError) as e:
            print(type(e).__name__, e)
    print(type(Color.RED).__name__, Color.RED.__class__ is Color)
    print(enum.Enum is Enum)


asyncio.run(main())
