# covers: RecursionError of a function that only calls itself, caught as itself and as RuntimeError
import asyncio


def countdown(n):
    return countdown(n - 1)


def spin(label, times):
    spin(label, times + 1)


async def main():
    for start in [3, 10]:
        await asyncio.sleep(0.1)
        try:
            countdown(start)
        except RecursionError as e:
            print(start, type(e).__name__, e)
    try:
        spin("x", 0)
    except RuntimeError as e:
        print("caught as RuntimeError:", type(e).__name__)
    print("done")


asyncio.run(main())
