# covers: lambda, map, filter, sorted with key, functions passed as arguments, conditional expressions in lambda
import asyncio


def apply_twice(f, x):
    return f(f(x))


async def apply_async(f, values):
    out = []
    for v in values:
        await asyncio.sleep(0.1)
        out.append(f(v))
    return out


async def main():
    square = lambda x: x * x
    print(square(4), apply_twice(square, 3), apply_twice(lambda s: s + "!", "hi"))
    clamp = lambda v, lo=0, hi=10: lo if v < lo else hi if v > hi else v
    print([clamp(v) for v in [-5, 5, 15]], clamp(50, hi=100))
    print(await apply_async(lambda v: v // 2, [9, 4, 7]))
    print(list(map(lambda p: p[0] * p[1], [(2, 3), (4, 5)])))
    print(list(filter(lambda w: len(w) > 3, ["a", "tree", "sky", "river"])))
    people = [("ann", 31), ("bo", 25), ("cy", 31)]
    print(sorted(people, key=lambda p: (-p[1], p[0])))
    ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
    for name in ops:
        print(name, ops[name](10, 4))
    print((lambda: "no args")())


asyncio.run(main())
