# covers: collections.Counter of statuses from gathered fetches: counting, most_common, update/subtract, elements, total, + - & |, equality, repr order by count
import asyncio
from collections import Counter


async def fetch(i):
    await asyncio.sleep(0.1 * (i % 3))
    return ["ok", "ok", "timeout", "ok", "error", "timeout"][i % 6]


async def main():
    statuses = await asyncio.gather(*(fetch(i) for i in range(10)))
    tally = Counter(statuses)
    print(tally)
    print(tally.most_common(1), tally.most_common(), tally["ok"], tally["missing"])
    tally.update(["error", "error"])
    tally.update({"ok": 1}, retry=2)
    print(tally, tally.total())
    tally.subtract(ok=10, error=1)
    print(tally, len(tally), "retry" in tally)
    print(sorted(tally.elements()))
    words = Counter("abracadabra")
    print(words, words.most_common(3), list(words), list(words.items())[:2])
    a = Counter(a=3, b=1)
    b = Counter(a=1, b=2, c=-1)
    print(a + b, a - b, a & b, a | b)
    print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1, c=0), -Counter())
    print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter() == Counter())
    print(Counter(), Counter({"x": 2, "y": 5}), Counter(x=0), Counter([1, 1, 2]))
    del words["a"]
    del words["zzz"]
    words["new"] += 4
    print(words, isinstance(words, dict), isinstance(words, Counter), dict(words))
    c = words.copy()
    c["b"] = 100
    print(words["b"], c["b"], type(c) is type(words))
    print({**Counter(k=1)}, sum(Counter(a=2, b=3).values()))
    try:
        Counter.fromkeys("abc")
    except NotImplementedError as e:
        print("NotImplementedError", e)


asyncio.run(main())
