# covers: plain generators whose items can be made at once: a countdown, filters fed to each other, yield from, an early return, a running total
import asyncio


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def words(text):
    for line in text.splitlines():
        for word in line.split(" "):
            if word:
                yield word.lower()


def pairs(items):
    for item in items:
        key, _, value = item.partition("=")
        yield key.strip(), int(value)


def evens_then_end(limit):
    yield from range(0, limit, 2)
    yield from (x * 10 for x in range(3))
    yield -1


def until(values, stop):
    for value in values:
        if value == stop:
            return
        yield value


def running_total(values):
    total = 0
    for value in values:
        total += value
        yield total


async def main():
    for n in countdown(3):
        await asyncio.sleep(1)
        print("tick", n)
    print(list(words("Alpha beta\n\nGamma  delta")))
    table = dict(pairs(["a =1", "b= 22"]))
    print(table, sum(countdown(100)), list(countdown(0)))
    print(list(evens_then_end(7)))
    print(list(until(countdown(10), 6)), sorted(until(countdown(5), 9)))
    doubled = [t * 2 for t in running_total([1, 2, 3])]
    print(doubled)
    total = 0
    for t in running_total(countdown(4)):
        total += t
    print("total", total)
    for i, n in enumerate(countdown(2)):
        print(i, n)
    print(all(countdown(3)), any(until([0, 0, 1], 1)))
    zipped = list(zip(countdown(2), "ab"))
    print(zipped)


asyncio.run(main())
