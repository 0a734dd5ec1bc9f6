# covers: arithmetic + - * / // % ** with ints and floats, negative floor division and modulo, divmod
import asyncio


async def main():
    print(-7 // 2, -7 % 2)
    print(7 // -2, 7 % -2)
    print(-7 // -2, -7 % -2)
    print(7 // 2, 7 % 2)
    print(divmod(-7, 2), divmod(7, -2), divmod(17, 5))
    print(divmod(7.5, 2), divmod(-7.5, 2))
    print(-7.0 // 2, -7.0 % 2, 7 % 2.5)
    print(2 ** 10, 2 ** -2, (-2) ** 3, -2 ** 2)
    print(10 - 3 * 2 + 8 / 4)
    print((10 - 3) * (2 + 8) // 4)
    print(17 % 5 * 3, 2 ** 3 ** 2)
    seconds = 3725
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    print(f"{hours}h {minutes}m {secs}s")
    for n in [-3, -2, -1, 0, 1, 2, 3]:
        print(n, n // 2, n % 2, n % 3)


asyncio.run(main())
