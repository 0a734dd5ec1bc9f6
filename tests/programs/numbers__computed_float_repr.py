"""Computed floats printed as Python writes them: exponents with a sign and
two digits, `nan` and `inf`, and the plain form in between."""
import asyncio


def grow(x, times):
    for _ in range(times):
        x = x * 1000.0
    return x


async def main():
    big = grow(10.0, 5)
    print(big, big / 10, str(big), repr(big))
    tiny = 1.0 / grow(3.0, 2)
    print(tiny, [tiny, big], f"{tiny}|{big:>12}|")
    huge = grow(1e300, 3)
    print(huge, -huge, huge - huge)
    print("ratio " + str(tiny * 1000.0))
    halves = [0.5 * i for i in range(3)]
    print(halves, 0.1 + 0.2, 2.5 * 4)
    for step in [0.25, 1e-05]:
        print(step, step * 2)


asyncio.run(main())
