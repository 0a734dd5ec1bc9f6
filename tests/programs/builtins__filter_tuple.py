# covers: filter(None, xs) keeps the true items of ints, strings and floats; tuple() of a list, tuple or string literal; zip() of nothing
import asyncio


async def scores():
    await asyncio.sleep(1)
    return [0, 7, 0, 3]


async def main():
    got = await scores()
    names = ["ada", "", "bob", ""]
    print(list(filter(None, got)), list(filter(None, names)), list(filter(None, [0.0, 2.5, -1.0])))
    kept = list(filter(None, got))
    print(len(kept), sum(kept))
    pair = tuple([got[1], got[3]])
    print(list(zip()), list(zip(names, got)))
    print(pair, pair[0] * pair[1], tuple("ok"), tuple((5,)), tuple(["x", 2, 0.5]))


asyncio.run(main())
