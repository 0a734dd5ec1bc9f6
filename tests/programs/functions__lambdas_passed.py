# covers: lambdas of one parameter passed to a parameter that is only called, beside named functions
import asyncio


def double(n):
    return n * 2


def apply_twice(f, x):
    return f(f(x))


def shout_all(f, words):
    return [f(w) for w in words]


async def transform(f, values):
    out = []
    for v in values:
        await asyncio.sleep(0.1)
        out.append(f(v))
    return out


async def main():
    step = 5
    print(apply_twice(double, 3), apply_twice(lambda n: n + step, 3))
    print(shout_all(lambda w: w + "!", ["hi", "yo"]))
    print(await transform(lambda v: v // 2, [9, 4, 7]))
    odd_out = await transform(lambda v: v * 3 if v % 2 else v, [2, 3])
    print(odd_out)


asyncio.run(main())
