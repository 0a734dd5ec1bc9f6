# covers: operator itemgetter, attrgetter (dotted), methodcaller, the function forms and their errors, sorting gathered results
import asyncio
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce


class Region:
    def __init__(self, name):
        self.name = name


class Reply:
    def __init__(self, host, ms, region):
        self.host = host
        self.ms = ms
        self.region = Region(region)

    def __repr__(self):
        return f"Reply({self.host!r})"


async def ping(host, ms, region):
    await asyncio.sleep(ms / 1000)
    return Reply(host, ms, region)


async def main():
    replies = await asyncio.gather(ping("a", 30, "eu"), ping("b", 10, "us"), ping("c", 20, "eu"))
    print(sorted(replies, key=attrgetter("ms")))
    print([attrgetter("region.name")(r) for r in replies])
    print(attrgetter("host", "region.name")(replies[0]))
    rows = [("x", 3), ("y", 1), ("z", 2)]
    print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter(2)("abc"))
    print(itemgetter("k")({"k": "v"}))
    print(list(map(methodcaller("upper"), ["ab", "cd"])), methodcaller("split", ",", maxsplit=1)("a,b,c"))
    print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("a.b", "c")))
    print(repr(methodcaller("split", ",", maxsplit=1)), operator.add)
    print(reduce(operator.mul, range(1, 6)), operator.add("a", "b"), operator.sub(5, 7))
    print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
    print(operator.neg(3), operator.pos(-2), operator.invert(5), operator.abs(-4.5))
    print(operator.not_(1), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
    print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt("b", "a"), operator.ge(1, 3))
    print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(32, 2))
    print(operator.getitem([1, 2, 3], -1), operator.contains("abc", "b"), operator.concat([1], [2]))
    print(operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.index(7))
    d = {}
    operator.setitem(d, "a", 1)
    operator.setitem(d, "b", 2)
    operator.delitem(d, "a")
    print(d)
    for call in (
        lambda: operator.add(1),
        lambda: operator.concat(1, 2),
        lambda: operator.index(1.5),
        lambda: operator.indexOf([1, 2], 3),
        lambda: itemgetter(),
        lambda: itemgetter(1)(1, 2),
        lambda: attrgetter(1),
        lambda: methodcaller(),
        lambda: attrgetter("nope")(replies[0]),
        lambda: itemgetter(5)([1]),
        lambda: operator.neg("x"),
        lambda: operator.lt(1, "a"),
    ):
        try:
            call()
        except (ValueError, TypeError, AttributeError, IndexError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
