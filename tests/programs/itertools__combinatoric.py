# covers: itertools product, permutations, combinations, combinations_with_replacement and their errors, planning a grid of requests
import asyncio
from itertools import product, permutations, combinations, combinations_with_replacement


async def probe(region, size):
    await asyncio.sleep(0.5)
    return f"{region}/{size}"


async def main():
    jobs = [probe(r, s) for r, s in product(["eu", "us"], [1, 2])]
    print(await asyncio.gather(*jobs))
    print(list(product("ab", repeat=2)))
    print(list(product([1, 2], "x", [True])), list(product()), list(product([], [1])))
    print(list(product(range(2), repeat=0)))
    print(list(permutations("abc")))
    print(list(permutations(range(4), 2)))
    print(list(permutations([1, 2], 3)), list(permutations([], 0)))
    print(list(combinations("abcd", 2)))
    print(list(combinations(range(5), 3)))
    print(list(combinations("ab", 3)), list(combinations("ab", 0)))
    print(list(combinations_with_replacement("abc", 2)))
    print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
    print(sum(1 for _ in permutations(range(6))))
    for call in (
        lambda: combinations("abc", -1),
        lambda: permutations("abc", -2),
        lambda: product("ab", repeat=-1),
        lambda: combinations("abc"),
    ):
        try:
            call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
