# covers: enum.IntFlag (members are ints, ints combine with them, unknown bits kept, ~), Flag combinations, ~, in, len, iteration, ValueError for unknown bits, repr/str as 3.11 prints them
from enum import Flag, IntFlag, auto


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = 7


rw = Perm.R | Perm.W
print(repr(rw), str(rw), f"{rw}", rw)
print(repr(Perm.R), str(Perm.R), Perm.R, int(Perm.R), Perm.R + 1, Perm.R * 2)
print(rw == 6, Perm.R == 4, isinstance(Perm.R, int), rw.value, rw.name)
print(Perm.R in rw, Perm.X in rw, list(rw), len(Perm), list(Perm))
print(repr(~Perm.R), repr(~rw), repr(Perm(0)), repr(~Perm(0)))
print(repr(Perm.R | 8), repr(Perm.R | 1), repr(1 | Perm.R), repr(Perm.R & 6), repr(Perm.R ^ Perm.W))
print(repr(Perm(7)), repr(Perm(12)), bool(Perm(0)), bool(Perm.X))
print(sorted([Perm.R, Perm.X, Perm.W]), Perm.R > Perm.W, max(Perm), [0, 1, 2, 3, 4][Perm.R])
print(f"{Perm.R:03d}", f"{rw:>5}", f"{rw!r}", f"{Color.RED}", Perm.R == Perm.R | Perm.R)
print(repr(Color.WHITE), str(Color.WHITE), list(Color), list(Color.WHITE))
print(repr(~Color.RED), str(~Color.RED), repr(Color.RED | Color.GREEN), repr(Color(0)), repr(~Color.WHITE))
print(Color.RED in Color.WHITE, Color.RED | Color.GREEN in Color.WHITE, Color(3), Color(7) is Color.WHITE)
print(repr(Color.RED & Color.BLUE), bool(Color.RED & Color.BLUE), len(Color.WHITE), len(Color.RED | Color.BLUE))
try:
    Color(8)
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED | 1
except TypeError as e:
    print("TypeError:", e)
print(Perm.R.name, rw.name, Perm(0).name, Color(0).name)
