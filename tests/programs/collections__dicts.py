# covers: collections.defaultdict (grouping results by key, default_factory, __missing__), OrderedDict (move_to_end, popitem(last=), order-sensitive equality), ChainMap and namedtuple
import asyncio
from collections import defaultdict, OrderedDict, ChainMap, namedtuple


Result = namedtuple("Result", "host status ms")
Point = namedtuple("Point", ["x", "y"], defaults=[0])


async def check(host, status, ms):
    await asyncio.sleep(ms / 1000)
    return Result(host, status, ms)


async def main():
    results = await asyncio.gather(
        check("a", 200, 30), check("b", 500, 10), check("c", 200, 20), check("d", 404, 5)
    )
    by_status = defaultdict(list)
    for r in results:
        by_status[r.status].append(r.host)
    print(by_status)
    print(dict(by_status), by_status[301], len(by_status), by_status.default_factory)
    counts = defaultdict(int)
    for word in "the cat and the hat".split():
        counts[word] += 1
    print(counts, counts.get("dog"), "dog" in counts, sorted(counts.items()))
    print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(list, a=1), defaultdict(list, [("k", [1])]))
    plain = defaultdict()
    try:
        plain["x"]
    except KeyError as e:
        print("KeyError", e)
    print(counts.__missing__("zz"), counts["zz"], isinstance(counts, dict))
    try:
        defaultdict(1)
    except TypeError as e:
        print("TypeError", e)
    nested = defaultdict(lambda: defaultdict(int))
    nested["x"]["y"] += 1
    print(dict(nested["x"]), counts == {"the": 2, "cat": 1, "and": 1, "hat": 1, "zz": 0})

    lru = OrderedDict()
    for key in "abcd":
        lru[key] = key.upper()
    lru.move_to_end("b")
    lru.move_to_end("d", last=False)
    print(lru, list(lru), lru.popitem(), lru.popitem(last=False), lru)
    print(OrderedDict(), OrderedDict(a=1), OrderedDict([("x", 1), ("y", 2)]) == OrderedDict([("y", 2), ("x", 1)]))
    print(OrderedDict([("x", 1), ("y", 2)]) == {"y": 2, "x": 1}, OrderedDict.fromkeys("ab", 0))
    for call in (lambda: OrderedDict().popitem(), lambda: OrderedDict(a=1).move_to_end("z")):
        try:
            call()
        except KeyError as e:
            print("KeyError", e)

    defaults = {"color": "red", "user": "guest"}
    given = {"user": "ada"}
    cm = ChainMap(given, defaults)
    print(cm, cm["user"], cm["color"], len(list(cm)), sorted(cm), "color" in cm, cm.get("x", "-"))
    cm["color"] = "blue"
    child = cm.new_child()
    child["user"] = "grace"
    print(given, child["user"], cm["user"], child.maps[0], child.parents, ChainMap())

    print(results[0], results[0].ms, results[0]._asdict(), Point(1), Point(1, 2)._replace(y=5))
    host, status, ms = results[1]
    print(host, status, ms, Result._fields, results[2] == ("c", 200, 20))
    for call in (
        lambda: namedtuple("P", "x _y"),
        lambda: namedtuple("P", "x x"),
        lambda: namedtuple("P", "x def"),
        lambda: namedtuple("P", "x 1y"),
        lambda: namedtuple("P", "x", defaults=[1, 2]),
    ):
        try:
            call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
