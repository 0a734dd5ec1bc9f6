# covers: frozenset prints as frozenset({...}) and frozenset(), hashes as CPython (a member of sets, a dict key), keeps its type through |, &, -, ^, |= and its methods, and has no add
import asyncio


async def main():
    fs = frozenset([3, 1, 2])
    e = frozenset()
    print(fs, e, frozenset("a"), [fs], {1: fs}, repr(e), type(fs).__name__)
    print(fs | {9}, {9} | fs, fs & {1, 5}, fs - {1}, fs ^ {1, 7}, set(fs), frozenset({4, 5}))
    print(fs.union([8]), fs.intersection({2}), fs.difference([3]), fs.symmetric_difference([0]), fs.copy())
    print(fs.issubset({1, 2, 3, 4}), fs.issuperset([1]), fs.isdisjoint([7]), fs == {1, 2, 3}, 2 in fs, len(fs))
    print({fs: "x"}[frozenset([1, 2, 3])], {frozenset([1]), frozenset([1])}, {frozenset(): 1, e: 2}, {frozenset([1, 2]), frozenset([3]), frozenset()})
    print(fs < {1, 2, 3, 4}, sorted(fs), list(fs), isinstance(fs, frozenset), isinstance(fs, set))
    try:
        fs.add(4)
    except AttributeError as err:
        print("AttributeError:", err)
    g = fs
    g |= {10}
    print(g, fs, type(g).__name__)
    await asyncio.sleep(0)


asyncio.run(main())
