# covers: range with a negative step counts down to the number after its stop, and is empty when the start is not above it
import asyncio


async def main():
    print(list(range(10, 0, -3)), list(range(5, -1, -1)), list(range(0, 5, -1)), list(range(3, 3, -2)))
    n = 4
    total = 0
    for k in range(n * 2, n, -1):
        total += k
        await asyncio.sleep(1)
    print("total", total, len(range(10, 0, -3)), len(range(1, n + 1)), len(range(3, 3, -1)))
    for i in range(6, -7, -4):
        print("i", i)


asyncio.run(main())
