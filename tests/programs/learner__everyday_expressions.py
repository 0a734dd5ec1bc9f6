# covers: list comprehensions with a filter, a generator expression in sum, a conditional expression, await inside an expression, f-string format specs, break and continue, time.perf_counter
import asyncio
import time


async def measure(n):
    await asyncio.sleep(0.25 * n)
    return n * 1.5


async def main():
    t0 = time.perf_counter()
    sizes = [n * n for n in range(1, 8) if n % 2 == 1]
    print("odd squares", sizes, "total", sum(s for s in sizes))
    names = [f"job-{n}" for n in sizes]
    print(names)
    for n in range(10):
        if n % 3 == 0:
            continue
        if n > 7:
            break
        label = "big" if n > 4 else "small"
        print(f"{n:>3} is {label:<5}|")
    print(f"measured {await measure(2):.2f} after {time.perf_counter() - t0:.3f}s")
    value = await measure(1) + await measure(3)
    print(f"sum {value:8.3f} hex {255:x} padded {7:03}")


asyncio.run(main())
