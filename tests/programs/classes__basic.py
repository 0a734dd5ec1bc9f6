# covers: class with __init__, methods, attributes, class attributes, __str__/__repr__, str() and repr() of objects, lists of objects
import asyncio


class Sensor:
    unit = "C"
    count = 0

    def __init__(self, name, value=20.0):
        self.name = name
        self.value = value
        Sensor.count += 1

    def update(self, delta):
        self.value += delta
        return self.value

    def __str__(self):
        return f"{self.name}: {self.value:.1f}{self.unit}"

    def __repr__(self):
        return f"Sensor({self.name!r}, {self.value})"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


async def main():
    kitchen = Sensor("kitchen")
    garage = Sensor("garage", 11.5)
    for step in range(3):
        await asyncio.sleep(1)
        kitchen.update(0.5)
        garage.update(-1.25)
        print(kitchen, "|", garage)
    print(repr(kitchen), [kitchen, garage])
    print(str(garage), f"{garage}", f"{garage!r}")
    print(Sensor.count, kitchen.count, Sensor.unit)
    garage.unit = "F"
    print(garage, kitchen, Sensor.unit)
    print([Point(1, 2), Point(-1, 0)], {"origin": Point(0, 0)})


asyncio.run(main())
