# covers: print end= (the harness ends every print call's line and ignores end=), print sep
import asyncio


async def download(name, seconds):
    print(f"downloading {name}", end="...")
    await asyncio.sleep(seconds)
    print(" ok", end="\n")
    return len(name)


async def main():
    total = 0
    for name, seconds in [("a.zip", 1), ("movie.mp4", 2)]:
        total += await download(name, seconds)
    print("loading", end="")
    print()
    print("x", "y", sep="-", end="!\n")
    print("total", total, sep=": ")
    print("one\ntwo", end="")


asyncio.run(main())
