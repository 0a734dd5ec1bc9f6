"""An Enum's own methods, plain and async, read `self.name` and `self.value`."""
import asyncio
from enum import Enum, auto


class Level(Enum):
    LOW = auto()
    HIGH = auto()

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    def louder(self, times):
        return self.name * times

    async def wait(self, seconds):
        await asyncio.sleep(seconds)
        return self.value * 10


async def main():
    for lv in Level:
        print(lv.describe(), lv.louder(2))
    got = await Level.HIGH.wait(1.5)
    print(got, Level.LOW.describe())


asyncio.run(main())
