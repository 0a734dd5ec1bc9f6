import asyncio


async def main():
    total = 0
    async for n in measure(["io", "await", "loop"]):
        total = total + n
        print(f"main: running total {total}")


async def read_lines(words):
    for w in words:
        await asyncio.sleep(1)
        print(f"read: {w}")
        yield w


async def measure(words):
    async for w in read_lines(words):
        await asyncio.sleep(0.5)
        print(f"measure: {w} has {len(w)} letters")
        yield len(w)


asyncio.run(main())
