# refuse: vars()
import asyncio


class Point:
    def __init__(self):
        self.x = 1


async def main():
    print(vars(Point()))


asyncio.run(main())
