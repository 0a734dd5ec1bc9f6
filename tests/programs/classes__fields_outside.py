# covers: setting and updating (+=, *=) an object's fields from outside its class
import asyncio


class Counter:
    def __init__(self, name):
        self.name = name
        self.hits = 0
        self.rate = 1

    def __repr__(self):
        return f"Counter({self.name!r}, hits={self.hits}, rate={self.rate})"


async def main():
    c = Counter("page")
    c.hits += 1
    await asyncio.sleep(1)
    c.hits = c.hits * 10
    c.rate = 2.5
    c.rate *= 2
    c.name = "home"
    print(c, c.hits, c.rate, c.name)


asyncio.run(main())
