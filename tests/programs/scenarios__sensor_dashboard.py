# covers: several sensor tasks sharing a dict of readings, a dashboard task printing a formatted table periodically, cancel of the sensors at the end, class with __str__
import asyncio


class Reading:
    def __init__(self, sensor, value, unit):
        self.sensor = sensor
        self.value = value
        self.unit = unit

    def __str__(self):
        return f"{self.sensor:<8}{self.value:>7.2f} {self.unit}"


async def sensor(name, unit, start, step, period, latest):
    value = start
    while True:
        await asyncio.sleep(period)
        value += step
        latest[name] = Reading(name, value, unit)


async def dashboard(latest, frames):
    for frame in range(1, frames + 1):
        await asyncio.sleep(1.5)
        print(f"--- frame {frame} ---")
        for name in sorted(latest):
            print(latest[name])


async def main():
    latest = {}
    sensors = [
        asyncio.create_task(sensor("temp", "C", 20.0, 0.25, 1, latest)),
        asyncio.create_task(sensor("humid", "%", 55.0, -1.5, 0.5, latest)),
        asyncio.create_task(sensor("wind", "km/h", 3.0, 2.0, 2, latest)),
    ]
    await dashboard(latest, 3)
    for s in sensors:
        s.cancel()
    await asyncio.sleep(0)
    print("sensors cancelled:", [s.cancelled() for s in sensors])


asyncio.run(main())
