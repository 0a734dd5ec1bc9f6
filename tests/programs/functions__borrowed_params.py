# covers: functions that change a list, dict or object they are given (the caller sees the change), functions that only read what they are given, a parameter passed on
import asyncio


class Crate:
    def __init__(self, name):
        self.name = name
        self.items = []
        self.count = 0

    def add(self, x):
        self.items.append(x)
        self.count += 1

    def size(self):
        return len(self.items)


def fill(crate, n):
    for i in range(n):
        crate.add(i)


async def grow(crate, n):
    await asyncio.sleep(0.1)
    fill(crate, n)
    crate.count += 1
    print(crate.name, crate.size(), crate.count)


def describe(crate):
    return f"{crate.name}: {crate.items} ({crate.count})"


def first(xs):
    if xs:
        return xs[0]
    return -1


def bump(scores, k):
    scores[k] += 1
    while len(scores) > 3:
        scores.pop()


async def tally(counts, word):
    await asyncio.sleep(0.1)
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1


async def main():
    crate = Crate("tools")
    await grow(crate, 2)
    fill(crate, 1)
    print(describe(crate))
    scores = [5, 6, 7, 8]
    bump(scores, -1)
    bump(scores, 0)
    print(scores, first(scores), first([]))
    counts = {"a": 1}
    for word in ["b", "a", "b"]:
        await tally(counts, word)
    print(counts)


asyncio.run(main())
