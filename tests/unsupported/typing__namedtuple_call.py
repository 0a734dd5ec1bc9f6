# refuse: typing.NamedTuple("Point", [...]) (the call form)
import asyncio
from typing import NamedTuple

Point = NamedTuple("Point", [("x", int), ("y", int)])


async def main():
    print(Point(1, 2))


asyncio.run(main())
