# covers: generator pipeline (generators feeding generators), generator expressions, yield from, strings split by a generator
import asyncio


def read_lines(text):
    for line in text.splitlines():
        yield line


def non_empty(lines):
    for line in lines:
        if line.strip():
            yield line.strip()


def parse(lines):
    for line in lines:
        name, _, value = line.partition("=")
        yield name.strip(), int(value)


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


async def fetch_config():
    await asyncio.sleep(2)
    return "a = 1\n\n  b=22\nc =  3\n"


async def main():
    text = await fetch_config()
    pairs = list(parse(non_empty(read_lines(text))))
    print(pairs)
    print(dict(pairs), sum(v for _, v in pairs))
    print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
    squares = (n * n for n in range(5))
    print(next_total(squares))


def next_total(gen):
    total = 0
    for value in gen:
        total += value
    return total


asyncio.run(main())
