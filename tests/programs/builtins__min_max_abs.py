# covers: min, max (with key, and with several args), abs, sum with start, round, divmod, len
import asyncio


async def sample(sensor, t):
    await asyncio.sleep(t)
    return {"north": -3.5, "south": 12.25, "east": 7.0, "west": -11.0}[sensor]


async def main():
    print(min(3, 1, 2), max(3, 1, 2), min([4, 8]), max("apple", "pear"))
    print(max(-5, 3, key=abs), min("aa", "b", "ccc", key=len), max([0]))
    readings = {}
    for i, sensor in enumerate(["north", "south", "east", "west"]):
        readings[sensor] = await sample(sensor, 0.5)
        print("read", sensor, readings[sensor])
    coldest = min(readings, key=lambda s: readings[s])
    hottest = max(readings, key=lambda s: readings[s])
    print("coldest", coldest, "hottest", hottest)
    print("widest swing", max(readings.values(), key=abs))
    print("spread", max(readings.values()) - min(readings.values()))
    print("total", sum(readings.values(), 100.0), len(readings))
    print("abs", [abs(v) for v in readings.values()])
    print(max((1, "b"), (1, "a")), min([3, 1], [2, 9]))
    print(divmod(len(readings) * 7, 3), round(sum(readings.values()) / 4, 1))


asyncio.run(main())
