# covers: float repr, 0.1+0.2, 1e16, 1.5e-07, inf, -0.0, float(), / true division
import asyncio


async def main():
    print(0.1 + 0.2)
    print(1e16, 1e15, 123456789012345678.0)
    print(1.5e-07, 0.0001, 0.00001)
    print(float("inf"), -float("inf"), float("inf") > 10**100)
    print(-0.0, 0.0 == -0.0, -0.0 + 0.0)
    print(1 / 3, 2 / 3, 10 / 4, 10 / 5)
    print(3.0, 2.50, 100.0 * 3)
    print(float("1.25"), float(" 7 "), float(3))
    print(1e300 * 1e10)
    print(0.1 * 3, 1.1 + 2.2)
    print(2 ** 0.5, 2 ** -1)
    print(7.0 // 2, 7.5 % 2, -7.5 // 2)
    print(repr(1.0), str(1.0), repr(1e22), repr(1e-5))
    print(1.0 == 1, 0.5 + 0.5 == 1, type(1 / 1).__name__)
    total = 0.0
    for _ in range(10):
        total += 0.1
    print(total, round(total, 2))


asyncio.run(main())
