# covers: a class whose __iter__ returns self and whose __next__ raises StopIteration, iterated by for (awaiting inside), a comprehension, list(), sorted(), sum() and max()
import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Words:
    def __init__(self, words):
        self.words = words
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == len(self.words):
            raise StopIteration
        self.i += 1
        return self.words[self.i - 1].upper()


async def main():
    for n in Countdown(3):
        await asyncio.sleep(0.5)
        print("n =", n)
    print(list(Countdown(4)), sum(Countdown(5)), max(Countdown(2)))
    for w in Words(["tokio", "runs"]):
        print(w, len(w))
    print(sorted(Countdown(3)), list(Words([])), [n * 10 for n in Countdown(2)])


asyncio.run(main())
