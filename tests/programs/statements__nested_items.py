# covers: item assignment into an item of a list (grid[r][c] = ..., +=), chained assignment of a literal
import asyncio


async def roll(turn):
    await asyncio.sleep(0.5)
    return turn * 3 % 4


async def main():
    grid = [[0, 0, 0], [0, 0, 0]]
    for turn in range(5):
        cell = await roll(turn)
        grid[turn % 2][cell % 3] += cell
        print(f"turn {turn}: {grid}")
    grid[0][0] = grid[1][2] = 9
    first = last = "x"
    print(grid, first + last)
    table = {"a": [1, 2], "b": [3]}
    table["a"][1] = 20
    print(table["a"], len(table["b"]))


asyncio.run(main())
