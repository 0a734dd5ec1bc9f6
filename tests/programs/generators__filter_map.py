# covers: plain generators that filter and map one iterable, read by for, list(), sum(), max() and another generator
import asyncio


def squares_of_evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n * n


def shout(words):
    for word in words:
        yield word.upper() + "!"


def long_ones(words):
    for word in words:
        if len(word) > 3:
            yield word


async def main():
    await asyncio.sleep(1)
    for sq in squares_of_evens(7):
        print("square", sq)
    print(list(shout(long_ones(["hi", "there", "world"]))))
    print(sum(squares_of_evens(10)), max(squares_of_evens(5)))
    bumped = [s + 1 for s in squares_of_evens(4)]
    print(bumped)


asyncio.run(main())
