# covers: class __iter__/__next__ (raising StopIteration), __iter__ written as a generator, for over custom iterator, list() of an iterator, StopIteration caught
import asyncio


class Range2:
    def __init__(self, start, stop):
        self.current = start
        self.stop = stop

    def __iter__(self):
        return self

    def __next__(self):
        if self.current >= self.stop:
            raise StopIteration
        value = self.current
        self.current += 2
        return value


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        for card in self.cards:
            yield card


async def main():
    for n in Range2(0, 7):
        await asyncio.sleep(0.5)
        print("n =", n)
    print(list(Range2(1, 10)), sum(Range2(0, 5)))
    it = Range2(0, 3)
    print(it.__next__(), it.__next__())
    try:
        it.__next__()
    except StopIteration as e:
        print("StopIteration caught", repr(e), e.args)
    print([c.upper() for c in Deck(["a", "k"])], sorted(Deck([3, 1, 2])))


asyncio.run(main())
