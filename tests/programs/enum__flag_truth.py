"""enum.Flag: a flag's truth, `not`, `^`, `in` and `not in`, `list` of a flag, a lookup by value, format width; members in lower case."""
import asyncio
from enum import Flag, auto


class Color(Flag):
    red = auto()
    green = 4
    blue = auto()


async def main():
    c = Color.red | Color.blue
    if c & Color.green:
        print("green")
    if not c & Color.green:
        print("no green", c, f"[{c:>14}]")
    both = c ^ Color.red
    print(both, repr(both), Color.green in c, Color.blue not in c, list(c), Color(12))
    print([m.value for m in Color], c == Color(9), both is Color.blue)
    await asyncio.sleep(0)


asyncio.run(main())
