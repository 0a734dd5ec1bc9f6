# covers: async for with else (after a break, and after the last item), an __aiter__ that sets a field before returning self
import asyncio


class Pages:
    def __init__(self, count):
        self.count = count

    def __aiter__(self):
        self.page = 0
        return self

    async def __anext__(self):
        if self.page >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        self.page += 1
        return self.page


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.25)
        yield i


async def main():
    async for p in Pages(3):
        print("page", p)
    else:
        print("all pages read")
    async for p in Pages(5):
        if p == 2:
            print("stop at page", p)
            break
    else:
        print("never printed")
    async for i in ticks(3):
        print("tick", i)
    else:
        print("ticks done")


asyncio.run(main())
