# covers: list methods append extend insert pop remove index count reverse copy clear, del list items, list in
import asyncio


async def fetch_batch(n):
    await asyncio.sleep(0.5)
    return [n * 10 + i for i in range(3)]


async def main():
    items = []
    items.append("a")
    items.extend(["b", "c"])
    items.insert(0, "start")
    items.insert(-1, "before-last")
    print(items)
    print(items.pop(), items.pop(0), items)
    items.remove("b")
    print(items, items.index("before-last"), items.count("a"))
    nums = [3, 1, 3, 2, 3]
    print(nums.count(3), nums.index(3), nums.index(3, 1))
    nums.reverse()
    print(nums)
    backup = nums.copy()
    nums.clear()
    print(nums, backup, len(backup))
    del backup[0]
    del backup[-1]
    print(backup)
    results = []
    for n in range(3):
        results.extend(await fetch_batch(n))
    print(results)
    print(2 in results, 21 in results, 99 not in results)
    try:
        results.remove(99)
    except ValueError as e:
        print("ValueError:", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
