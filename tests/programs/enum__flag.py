"""enum.Flag: members combine with |, &, ^; membership, iteration and reprs as 3.11 prints them."""
import asyncio
from enum import Flag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


async def main():
    rw = Perm.R | Perm.W
    print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(rw & Perm.X), repr(rw & Perm.X))
    print(list(rw), Perm(3) is rw, Perm(7), [p.value for p in Perm], rw.value, rw ^ Perm.R)


asyncio.run(main())
