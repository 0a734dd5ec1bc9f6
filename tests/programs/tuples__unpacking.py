# covers: tuple unpacking (nested, starred a, *rest = ...), chained assignment a = b = 0, 1-tuples (1,), tuples
import asyncio


async def locate(city):
    await asyncio.sleep(0.1)
    return city, (48.85, 2.35)


async def main():
    a = b = 0
    a += 1
    print(a, b)
    x, y = 1, 2
    x, y = y, x
    print(x, y)
    first, *rest = [1, 2, 3, 4]
    print(first, rest)
    *init, last = "hello"
    print(init, last)
    head, *middle, tail = range(5)
    print(head, middle, tail)
    one, *none = [9]
    print(one, none)
    name, (lat, lon) = await locate("Paris")
    print(name, lat, lon)
    (p, q), r = (1, 2), 3
    print(p, q, r)
    for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
        print(i, k, v)
    single = (1,)
    print(single, len(single), type(single).__name__, (1), ())
    print((1, 2) + (3,), (0,) * 3, tuple([4, 5]))
    point = 3, 4
    print(point, point[0] ** 2 + point[1] ** 2)
    m = n = []
    m.append(1)
    print(m, n, m is n)


asyncio.run(main())
