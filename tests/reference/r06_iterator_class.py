import asyncio


async def main():
    async for n in Countdown(3):
        print(n)
    print("liftoff")


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        value = self.current
        self.current -= 1
        return value


asyncio.run(main())
