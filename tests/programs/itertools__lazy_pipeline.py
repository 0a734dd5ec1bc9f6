# covers: itertools count, cycle, repeat, accumulate, chain, chain.from_iterable, compress, dropwhile, takewhile, filterfalse, islice, pairwise, starmap, zip_longest, tee, groupby, lazily inside an asyncio program
import asyncio
import itertools
from itertools import count, islice, groupby, chain
import operator


async def fetch(i):
    await asyncio.sleep(i * 0.1)
    return {"id": i, "status": "ok" if i % 3 else "error"}


async def main():
    ids = list(islice(count(1), 6))
    print("ids", ids)
    results = await asyncio.gather(*(fetch(i) for i in ids))
    by_status = sorted(results, key=lambda r: r["status"])
    for status, group in groupby(by_status, key=lambda r: r["status"]):
        print(status, [r["id"] for r in group])

    print(list(islice(count(10, 5), 4)), list(islice(count(0.5, 0.25), 3)))
    print(repr(count()), repr(count(3, 2)), repr(count(1.5)), repr(itertools.repeat("x", 2)))
    c = count(7)
    next(c)
    print(c)
    print(list(islice(itertools.cycle("abc"), 7)))
    print(list(itertools.repeat(0, 3)), list(itertools.repeat(1, -2)))
    print(list(itertools.accumulate([1, 2, 3, 4])))
    print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
    print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
    print(list(itertools.accumulate([])), list(itertools.accumulate([], initial=5)))
    print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable(["xy", "z"])))
    print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
    print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
    print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
    print(list(itertools.filterfalse(lambda x: x % 2, range(10))))
    print(list(itertools.filterfalse(None, [0, 1, "", "a", None])))
    print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)))
    print(list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)))
    print(list(islice("abcdefg", 1, 6, 2)), list(islice(range(5), None)))
    print(list(itertools.pairwise("abcd")), list(itertools.pairwise([1])))
    print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
    print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")))
    print(list(itertools.zip_longest([1, 2], [3])), list(itertools.zip_longest()))
    a, b = itertools.tee(iter([1, 2, 3]))
    print(next(a), next(a), list(b), list(a))
    print(len(itertools.tee("ab", 3)))
    print([k for k, g in groupby("AAAABBBCCDAABBB")])
    print([list(g) for k, g in groupby("AAAABBBCCD")])
    groups = groupby("aabbc")
    k1, g1 = next(groups)
    k2, g2 = next(groups)
    print(k1, list(g1), k2, list(g2))

    # Lazy: the side effects interleave as in CPython.
    def noisy(n):
        for i in range(n):
            print("make", i)
            yield i

    for x in islice(noisy(10), 2):
        print("got", x)
    it = iter([1, 2, 3, 4, 5, 6])
    print(list(islice(it, 2)), next(it))
    window = chain([0], count(100))
    print(next(window), next(window), next(window))


asyncio.run(main())
