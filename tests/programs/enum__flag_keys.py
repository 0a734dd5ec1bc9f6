"""enum.Flag: flags as dict keys, passed to and returned by a function, measured with len, formatted with a width and !r, compared and tested with in inside a comprehension."""
import asyncio
from enum import Flag, auto


class P(Flag):
    R = auto()
    W = auto()


def grant(p, extra):
    return p | extra


async def main():
    d = {P.R: "read", P.R | P.W: "both"}
    print(d, d[P.R], len(P.R | P.W), grant(P.R, P.W), f"{P.R:>8}|{P.W!r}")
    print([p for p in [P.R, P.W] if p in P.R | P.W], P.R == P.W, P.R != P.W)
    await asyncio.sleep(0)


asyncio.run(main())
