# covers: a NaN is unordered with ints, bools, big ints and floats (<, <=, >, >= and == false, != true), max/min keep what they met first, sequences compare at their first unequal items, sets order by inclusion
import asyncio


async def main():
    nan = float("nan")
    print(max([nan, 1]), max([1, nan]), min([nan, 1]), min(1, nan), max(nan, 2.5))
    for a, b in [(1, nan), (nan, 1), (2.5, nan), (nan, nan), (True, nan), (2**70, nan)]:
        print(a < b, a <= b, a > b, a >= b, a == b, a != b)
    print([nan] < [1], (1, nan) < (1, 2), sorted([3, 1, 2]))
    print(max([2.5, 1]), max(1, 2.5), 1 > float("nan"), 1 < 2.5)
    print({1} < {1, 2}, {1} <= {1}, {1} < {2}, {1} > {2}, {1, 2} >= {2}, {1} >= {1, 2})
    await asyncio.sleep(0)


asyncio.run(main())
