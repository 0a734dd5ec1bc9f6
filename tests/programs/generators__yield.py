# covers: sync generators (def with yield), yield from, generator used in for, list(), sum(), generator state between calls
import asyncio


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def evens_then_odds(limit):
    yield from range(0, limit, 2)
    yield from (x for x in range(1, limit, 2))
    yield "end"


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def take_until(gen, stop):
    for value in gen:
        if value == stop:
            return
        yield value


async def main():
    for n in countdown(3):
        await asyncio.sleep(1)
        print("tick", n)
    print(list(evens_then_odds(7)))
    print(list(chunks([1, 2, 3, 4, 5, 6, 7], 3)))
    print(sum(countdown(100)), list(countdown(0)))
    print(list(take_until(countdown(10), 6)))
    gen = countdown(2)
    print(gen.__next__(), gen.__next__())
    try:
        gen.__next__()
    except StopIteration:
        print("exhausted")


asyncio.run(main())
