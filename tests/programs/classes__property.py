# covers: @property on a plain class: read on an object, on self inside another method, on objects in a list and in an f-string
import asyncio


class Rect:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    @property
    def area(self):
        return self.width * self.height

    def describe(self):
        return f"{self.width}x{self.height} = {self.area}"


async def main():
    r = Rect(3, 4)
    print(r.area, r.describe())
    r.width = 5
    await asyncio.sleep(1)
    print(r.area, r.describe())
    rects = [Rect(1, 2), Rect(2, 2)]
    print([x.area for x in rects], sum(x.area for x in rects))
    for x in rects:
        print(f"area {x.area}")


asyncio.run(main())
