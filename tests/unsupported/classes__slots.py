# refuse: __slots__
import asyncio

class Point:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2

async def main():
    print(Point().x)

asyncio.run(main())
