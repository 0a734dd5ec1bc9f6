import asyncio


class AsyncRange:
    def __init__(self, start, end):
        self.current = start
        self.end = end

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current >= self.end:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        value = self.current
        self.current += 1
        return value


class Countdown:
    def __init__(self, start):
        self.left = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.left <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.left -= 1
        return self.left + 1


async def main():
    async for n in AsyncRange(0, 3):
        print(f"range gave {n}")
    async for k in Countdown(3):
        print(f"{k}...")
    print("liftoff")


asyncio.run(main())
