# refuse: a class deriving from collections.Counter
from collections import Counter


class Tally(Counter):
    pass


print(Tally("abc"))
