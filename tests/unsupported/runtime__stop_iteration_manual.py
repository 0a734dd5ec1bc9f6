# error: RuntimeError: coroutine raised StopIteration
import asyncio


def gen():
    yield 1


async def main():
    g = gen()
    g.__next__()
    g.__next__()


asyncio.run(main())
