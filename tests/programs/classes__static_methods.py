# covers: @staticmethod (called through the class and self), @classmethod as another constructor (cls(...)), an async static method awaited
import asyncio


class Temperature:
    unit = "C"

    def __init__(self, celsius):
        self.celsius = celsius

    @staticmethod
    def to_fahrenheit(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def freezing(cls):
        return cls(0.0)

    @staticmethod
    async def measure(place, delay):
        await asyncio.sleep(delay)
        return f"{place}: measured"

    def show(self):
        return f"{self.celsius}{Temperature.unit} is {self.to_fahrenheit(self.celsius)}F"


async def main():
    t = Temperature.from_fahrenheit(212.0)
    print(t.show())
    print(Temperature.freezing().show())
    print(Temperature.to_fahrenheit(37.5), Temperature.to_fahrenheit(-40.0))
    print(await Temperature.measure("roof", 0.5))
    note = await Temperature.measure("cellar", 1)
    print(note)


asyncio.run(main())
