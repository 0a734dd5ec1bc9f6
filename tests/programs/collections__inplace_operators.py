# In-place operators on collections' types mutate the object itself
from collections import Counter, OrderedDict, defaultdict, deque

d = deque([1, 2], maxlen=4)
alias = d
d += [3]
d += (4, 5)
d += "ab"
print(d, d is alias)
d2 = deque("xy")
same = d2
d2 *= 2
print(d2, d2 is same)
try:
    d + [1]
except TypeError as e:
    print("TypeError:", e)

c = Counter(a=3, b=1)
keep = c
c += Counter(a=1, c=2)
print(c, c is keep)
c -= Counter(a=2, b=5)
print(c, c is keep)
c |= Counter(a=7, z=1)
print(c, c is keep)
c &= Counter(a=3, c=9, q=4)
print(c, c is keep)
c += {"n": 2, "m": -1}
print(c, c is keep)
c -= {"n": 1}
print(c, c is keep)
try:
    c &= {"zz": 1}
except KeyError as e:
    print("KeyError:", e)

od = OrderedDict(a=1)
first = od
od |= {"b": 2}
od |= [("c", 3)]
print(od, od is first)
print(od | {"d": 4})
dd = defaultdict(int, x=1)
mark = dd
dd |= {"y": 2}
print(dd, dd is mark)
plain = {"p": 1}
ref = plain
plain |= {"q": 2}
print(plain, plain is ref)
s = {1, 2}
sref = s
s |= {3}
s &= {1, 3}
s -= {1}
s ^= {9}
print(sorted(s), s is sref)
lst = [1]
lref = lst
lst *= 2
print(lst, lst is lref)
print({"a": 5, "z": 0} | od, defaultdict(int, x=1) | {"y": 2})


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self


acc = Acc()
before = acc
acc += 1
acc += 2
print(acc.items, acc is before)
n = 1
try:
    n += "x"
except TypeError as e:
    print("TypeError:", e)
