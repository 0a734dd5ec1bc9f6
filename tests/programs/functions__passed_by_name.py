# covers: plain functions passed by name to a parameter that is only called
import asyncio


def double(n):
    return n * 2


def square(n):
    return n * n


def shout(word):
    return word.upper() + "!"


def whisper(word):
    return word.lower() + "..."


def apply_twice(f, x):
    return f(f(x))


def describe(name, f, n):
    return f"{name}({n}) = {f(n)}"


async def transform(f, values):
    out = []
    for v in values:
        await asyncio.sleep(0.1)
        out.append(f(v))
    return out


async def main():
    print(apply_twice(double, 3), apply_twice(square, 3))
    print(describe("double", double, 7))
    print(describe("square", square, 7))
    print(await transform(shout, ["ready", "set", "go"]))
    print(await transform(whisper, ["Quiet", "Please"]))
    print(apply_twice(square, apply_twice(double, 1)))


asyncio.run(main())
