"""An Enum's own __str__ and __repr__ decide how print, repr, f-strings and lists show its members."""
import asyncio
from enum import Enum


class Suit(Enum):
    HEARTS = "h"
    SPADES = "s"

    def __str__(self):
        return self.name.lower()

    def __repr__(self):
        return f"Suit({self.value!r})"


async def main():
    print(Suit.HEARTS, repr(Suit.SPADES), [Suit.HEARTS], f"[{Suit.SPADES:>8}]", str(Suit.HEARTS))


asyncio.run(main())
