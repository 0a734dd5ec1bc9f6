# covers: str, repr, int, float, bool, list, tuple, dict, set, isinstance (with tuples of classes), type(x).__name__
import asyncio


class Reading:
    pass


async def main():
    values = [1, 2.5, "3", True, None, [1], (1, 2), {"a": 1}, {7}, Reading()]
    for v in values:
        kind = type(v).__name__
        print(f"{kind:>8} number={isinstance(v, (int, float))} text={isinstance(v, str)}")
    print(isinstance(True, int), isinstance(1, bool), isinstance(Reading(), Reading))
    print(str(12) + str(3.5), repr("12"), str(None), str([1, "a"]))
    print(int("0"), int(7.99), int(-0.5), int("  12"))
    print(float("2.50"), float(1), float("-inf"))
    print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0))
    print(list("abc"), list((1, 2)), list({"x": 1, "y": 2}), list())
    print(tuple([1, 2]), tuple("hi"), tuple())
    print(dict(a=1), dict([("k", "v")]), dict())
    print(set([1, 1, 2]), sorted(set("hello")))
    await asyncio.sleep(0)
    print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__)
    print(type(None).__name__, type(main).__name__, type(len).__name__, type(1.0) is float)
    print(isinstance(ValueError("x"), (TypeError, ValueError)), isinstance("s", (int, list)))


asyncio.run(main())
