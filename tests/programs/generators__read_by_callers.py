# covers: a recursive generator (yield from itself), generators read by a comprehension, by sorted and by a plain function's loop
import asyncio


def depth_first(n):
    if n > 0:
        yield from depth_first(n - 1)
        yield n
        yield from depth_first(n - 2)


def squares_of(values):
    for v in values:
        yield v * v


def longest(words):
    best = ""
    for word in words:
        if len(word) > len(best):
            best = word
    return best


def stripped(lines):
    for line in lines:
        yield line.strip()


async def main():
    await asyncio.sleep(0.5)
    print(list(depth_first(4)))
    bumped = [s + 1 for s in squares_of(depth_first(3))]
    print(bumped, sorted(squares_of([3, -1, 2])))
    print(longest(stripped(["  ab ", "abcd  ", " abc"])))


asyncio.run(main())
