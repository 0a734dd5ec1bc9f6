# ends: not supported yet: the call form of NamedTuple (write `class P(NamedTuple):` with annotated fields)
import asyncio
import typing

make = typing.NamedTuple


async def main():
    try:
        Point = make("Point", [("x", int), ("y", int)])
        print(Point(1, 2))
    except Exception as e:
        print("caught", repr(e))


asyncio.run(main())
