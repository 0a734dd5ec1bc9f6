"""`max` and `min` of float arguments: Python keeps the first of equals
(`-0.0` beside `0.0`) and takes a later one only when it compares greater
(or less), so a NaN first is kept and a NaN after is skipped."""
import asyncio


async def main():
    nan = float("nan")
    one = 1.0
    neg_zero = -0.0
    print(max(nan, one), max(one, nan), min(nan, one), min(one, nan))
    print(max(neg_zero, 0.0), max(0.0, neg_zero), min(neg_zero, 0.0), min(0.0, neg_zero))
    print(max(one, 2.5, nan), min(3.5, one), max(2.0, one))


asyncio.run(main())
