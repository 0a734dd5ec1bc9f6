# covers: set add discard remove union intersection difference | & -, sets of small ints, set(), sorted set of strings
import asyncio


async def online_users(server):
    await asyncio.sleep(0.3)
    return {"a": {"ada", "bob", "cy"}, "b": {"bob", "dee"}}[server]


async def main():
    evens = {0, 2, 4, 6, 8}
    small = set(range(5))
    print(evens, small)
    print(evens | small, evens & small, evens - small, small - evens)
    print(evens.union({10}), evens.intersection([2, 3, 4]), evens.difference(small))
    small.add(7)
    small.add(0)
    small.discard(1)
    small.discard(42)
    small.remove(2)
    print(small, len(small), 7 in small, 1 not in small)
    try:
        small.remove(99)
    except KeyError as e:
        print("KeyError:", e)
    a = await online_users("a")
    b = await online_users("b")
    print(sorted(a | b), sorted(a & b), sorted(a - b))
    print(sorted(a.union(b)), sorted(b.difference(a)))
    print(set([3, 1, 3, 2, 1]), set(), len(set("banana")))
    print({n % 3 for n in range(10)}, {1, 2} == {2, 1})


asyncio.run(main())
