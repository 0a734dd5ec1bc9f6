import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        self.current -= 1
        return self.current + 1


def last_small(xs, limit):
    for x in xs:
        if x > limit:
            break
    return x


async def main():
    for n in range(3):
        print("round", n)
    print("after the rounds, n =", n)
    async for n in Countdown(0):
        print("never printed")
    print("an empty countdown leaves n =", n)
    async for n in Countdown(2):
        print("countdown", n)
    else:
        print("countdown over at", n)
    total = 0.0
    for price in [1.5, 2.25]:
        total += price
    print("last price", price, "total", total)
    print(last_small([1, 4, 9, 16], 5), last_small([2, 3], 10))


asyncio.run(main())
