"""An integer past 2**53 compared with a float: Python compares the two
exactly, so 2**53 + 1 is greater than the float 2.0**53 it rounds to."""
import asyncio


def biggest(values):
    top = values[0]
    for v in values:
        if v > top:
            top = v
    return top


async def main():
    n = biggest([3, 2**53 + 1, 7])
    x = 9007199254740992.0
    print(n == x, n != x, n > x, n >= x, n < x, n <= x, x < n)
    print(n - 1 == x, n - 1 > x, float("nan") == n, float("inf") > n)
    print(-n < -x, n > 1e300, n > -1e300, n == 9007199254740993.5)
    small = 5
    print(small == 5.0, small < 2.5)


asyncio.run(main())
