# covers: lists holding numbers, strings and lists side by side, printed as Python prints them, isinstance(x, list) walking nested lists
import asyncio


def count_leaves(values):
    total = 0
    for value in values:
        if isinstance(value, list):
            total += count_leaves(value)
        else:
            total += 1
    return total


def longest(values):
    best = len(values)
    for value in values:
        if isinstance(value, list):
            best = max(best, longest(value))
    return best


async def load():
    await asyncio.sleep(0.5)
    return {"id": 7, "tags": ["a", "it's"]}


async def main():
    nested = [1, "two", [3, ["four"]], [5.5, -0.0], [], [[True]]]
    print(nested)
    print(len(nested), count_leaves(nested), longest(nested))
    for item in nested:
        print(item)
    config = await load()
    print(config)
    print(config["tags"], len(config))


asyncio.run(main())
