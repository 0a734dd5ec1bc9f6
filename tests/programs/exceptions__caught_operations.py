# covers: Python's own failing operations caught by class: ZeroDivisionError of // % /, KeyError of a dict lookup, IndexError of a list index, ValueError of int(); the same operations outside a try stay plain
import asyncio


async def share(total, people):
    await asyncio.sleep(0.1)
    return total // people


async def price(prices, item):
    await asyncio.sleep(0.1)
    return prices[item]


async def pick(items, i):
    await asyncio.sleep(0.1)
    return items[i]


async def main():
    for people in [4, 0]:
        try:
            print("each gets", await share(10, people))
        except ZeroDivisionError as e:
            print("no one to share with:", e)
    prices = {"tea": 3, "cake": 5}
    for item in ["cake", "soup"]:
        try:
            print(item, "costs", await price(prices, item))
        except KeyError as e:
            print("no price for", e)
    queue = [10, 20, 30]
    for i in [2, -1, 3]:
        try:
            print("item", i, "is", await pick(queue, i))
        except LookupError as e:
            print("item", i, "->", type(e).__name__, e)
    for text in ["42", " 7 ", "seven"]:
        try:
            n = int(text)
            print("parsed", n, "half", n / 2, "rest", n % 5)
        except ValueError as e:
            print("not a number:", e)
    try:
        ratio = 1.5 / (len(queue) - 3)
        print("ratio", ratio)
    except ArithmeticError as e:
        print("ratio:", type(e).__name__, e)
    print("plain", 7 // 2, queue[0], prices["tea"])


asyncio.run(main())
