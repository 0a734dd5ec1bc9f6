# covers: the ^^^ marks CPython 3.11 draws under the part of a traceback's line that was running (~ around a binary operator or a subscript's brackets), and none where that part is the whole line
import asyncio


def ratio(counts, key):
    total = counts[key] + counts["b"]
    return (total + 1) // (counts[key] - 2)


def summary(counts):
    value = ratio(counts, "a") if counts else 0
    return value


async def worker(counts):
    await asyncio.sleep(1)
    print("worker runs")
    return summary(counts)


async def main():
    result = await worker({"a": 2, "b": 1})
    print(result)


asyncio.run(main())
