# covers: collections objects with the built-ins: reversed, sorted, unpacking, **, f-strings, type(), hashing
from collections import deque, OrderedDict, Counter, defaultdict
import itertools
d = deque([1, 2, 3])
try:
    print(list(reversed(d)))
except TypeError as e:
    print("TypeError", e)
print(sorted(d), max(d), sum(d), list(enumerate(d)), [x * 2 for x in d], tuple(d), set(d))
print(list(zip(d, "abc")), dict(Counter("aab")), list(map(str, d)), any(d), all(d), ",".join(map(str, d)))
dd = defaultdict(list)
dd["a"].append(1)
for k, v in dd.items():
    print(k, v)
print(len(dd), bool(dd), list(dd.keys()), str(dd), f"{dd}", f"{d!r}")
c = Counter(a=1)
c += Counter(a=2)
print(c, hash(3))
print(type(d), type(c), type(d) is deque, type(dd).__name__)
x, y, z = d
print(x, y, z, [*d], {**dd})
print(list(itertools.chain(d, dd)))
print(d == deque([1, 2, 3]), d != [1, 2, 3])
try:
    {d: 1}
except TypeError as e:
    print("TypeError", e)
