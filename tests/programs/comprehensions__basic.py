# covers: list/set/dict comprehensions, nested for, if filters, conditional expressions in comprehensions
import asyncio


async def main():
    squares = [n * n for n in range(8)]
    print(squares)
    evens = [n for n in squares if n % 2 == 0]
    print(evens)
    pairs = [(x, y) for x in range(3) for y in range(x)]
    print(pairs)
    grid = [[r * 3 + c for c in range(3)] for r in range(3)]
    print(grid)
    flat = [cell for row in grid for cell in row if cell % 4 != 0]
    print(flat)
    labels = ["even" if n % 2 == 0 else "odd" for n in range(4)]
    print(labels)
    remainders = {n % 4 for n in range(20)}
    print(remainders)
    lengths = {w: len(w) for w in ["tea", "coffee", "juice"]}
    print(lengths)
    inverted = {v: k for k, v in lengths.items()}
    print(inverted)
    await asyncio.sleep(1)
    table = {(x, y): x * y for x in range(1, 3) for y in range(1, 3) if x <= y}
    print(table)
    x = "outer"
    print([x for x in "ab"], x)


asyncio.run(main())
