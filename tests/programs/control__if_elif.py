# covers: if/elif/else, conditional expressions, chained comparisons (1 < x < 5), comparisons of strings/tuples
import asyncio


def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif 60 <= score < 80:
        return "C"
    else:
        return "F"


async def measure(x):
    await asyncio.sleep(x / 10)
    return x * 7 % 11


async def main():
    for s in [95, 85, 70, 60, 59]:
        print(s, grade(s))
    for x in range(1, 6):
        v = await measure(x)
        band = "low" if v < 4 else "mid" if v < 8 else "high"
        print(x, v, band, 1 < v < 5, v == 2 or v == 10)
    a, b, c = 1, 2, 3
    print(a < b < c, a < b > c, a == 1 == 1.0, 1 <= 1 < 2 != 3)
    print("apple" < "banana", "Zebra" < "apple", (1, 2) < (1, 3), [2] > [1, 9])
    print(3 != 3.0, 0 == False, "1" == 1)
    x = 0
    if x:
        print("truthy")
    elif x is None:
        print("none")
    else:
        print("falsy but not None")


asyncio.run(main())
