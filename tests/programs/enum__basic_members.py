"""An Enum: members printed, compared and iterated as Python does."""
import asyncio
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    DARK_BLUE = 4


class State(Enum):
    """Where a job is."""
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()


class Mode(Enum):
    FAST = "fast"
    SAFE = "careful"


DEFAULT_MODE = Mode.SAFE


def describe(mode=Mode.FAST):
    return f"{mode.name} means {mode.value}"


async def job(name, state):
    await asyncio.sleep(1)
    print(f"{name}: {state} -> {State.DONE}")
    return State.DONE


async def main():
    print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value)
    for c in Color:
        print(c.name, c.value, c is Color.GREEN, c == Color.RED)
    print(list(Color), len(Color))
    print([s.value for s in State], Mode.SAFE, repr(Mode.FAST), Mode.SAFE.value)
    state = State.PENDING
    done = await job("a", state)
    print(done is State.DONE, done != state, [done, state])
    print(f"mode={Mode.FAST}", str(Color.DARK_BLUE))
    print(describe(), describe(DEFAULT_MODE))
    for c in Color:
        print(f"|{c:<16}|{c.name:>9}|{c.value:3}|")


asyncio.run(main())
