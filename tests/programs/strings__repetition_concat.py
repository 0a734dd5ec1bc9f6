# covers: string * repetition, list + and *, str +, print sep
import asyncio


async def progress(step, total):
    await asyncio.sleep(0.5)
    done = step * 10 // total
    return "[" + "#" * done + "." * (10 - done) + "]"


async def main():
    for step in range(0, 5):
        bar = await progress(step, 4)
        print(bar, f"{step * 25}%", sep="  ")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print(1, 2, 3, sep=" < ")
    grid = [[0] * 3] * 2
    print(grid, [1, 2] + [3], [None] * 4)
    print(["ab"] * 2 + ["cd"], "=+" * 5)
    row = [0] * 3
    row[1] = 5
    print(row, [row] * 2)


asyncio.run(main())
