# covers: generator expressions passed to sum, any, all, "".join, min, max; sum with start
import asyncio


async def fetch_prices():
    await asyncio.sleep(2)
    return {"apple": 0.5, "bread": 2.25, "milk": 1.2, "cheese": 4.0}


async def main():
    prices = await fetch_prices()
    print(sum(p for p in prices.values()))
    print(sum(prices.values(), 10))
    print(sum([[1], [2, 3]], []))
    print(sum(n * n for n in range(10)), sum(range(101)), sum([]))
    print(any(p > 3 for p in prices.values()), all(p > 1 for p in prices.values()))
    print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
    print("".join(name[0].upper() for name in prices))
    print(", ".join(f"{k}={v}" for k, v in prices.items() if v < 2))
    print(max(len(name) for name in prices), min(p for p in prices.values()))
    cheap = sum(1 for p in prices.values() if p < 1.5)
    print("cheap items:", cheap)
    gen = (c for c in "abc")
    print(list(gen), list(gen))


asyncio.run(main())
