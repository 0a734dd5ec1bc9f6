# covers: class __aiter__/__anext__ (raising StopAsyncIteration), async for, async for with break and else
import asyncio


class Countdown:
    def __init__(self, start, period):
        self.current = start
        self.period = period

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.period)
        self.current -= 1
        return self.current + 1


class Paginator:
    def __init__(self, pages):
        self.pages = pages

    def __aiter__(self):
        self.index = 0
        return self

    async def __anext__(self):
        if self.index >= len(self.pages):
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        page = self.pages[self.index]
        self.index += 1
        return page


async def main():
    async for n in Countdown(3, 1):
        print("countdown", n)
    async for page in Paginator([["a", "b"], ["c"], ["d", "e"]]):
        print("page", page)
        if "c" in page:
            print("found c, stopping")
            break
    else:
        print("never printed")
    async for n in Countdown(2, 0.25):
        pass
    else:
        print("loop ended normally, last n =", n)
    total = [p async for p in Paginator([[1], [2, 3]])]
    print(total)


asyncio.run(main())
