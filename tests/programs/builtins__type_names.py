# covers: type(f).__name__ of functions, type(x) is C, print(tuple()), isinstance of a new bare object
import asyncio


class Marker:
    pass


def double(n):
    return n * 2


async def main():
    await asyncio.sleep(0.1)
    print(type(main).__name__, type(double).__name__, double(4))
    print(type(len).__name__, type(max).__name__, type(sorted).__name__)
    print(type(1.0) is float, type(True) is int, type(3 // 2) is int)
    print(type("a") is not str, type([1, 2]) is list, type(2 / 1) is not float)
    print(tuple(), tuple([]), tuple(""))
    print(isinstance(Marker(), Marker), isinstance(Marker(), (int, str)))


asyncio.run(main())
