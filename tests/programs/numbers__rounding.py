# covers: round (banker's rounding round(2.5), round(x, 2)), abs, int from str and float, float, int arithmetic
import asyncio


async def measure(value):
    await asyncio.sleep(0.1)
    return value * 1.1


async def main():
    print(round(0.5), round(1.5), round(2.5), round(3.5), round(-2.5))
    print(round(2.675, 2), round(3.14159, 2), round(1.005, 2))
    print(round(1234.5678, -2), round(7), round(7.0))
    print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
    print(abs(-3), abs(-2.5), abs(0), abs(-0.0))
    print(int("42"), int("-17"), int(" 8 "), int(3.9), int(-3.9))
    print(int(True), int(2.0e3), float(2), float("-0.5"))
    readings = []
    for v in [1, 2, 3]:
        readings.append(await measure(v))
    print(readings)
    print([round(r, 2) for r in readings])
    print(f"avg {sum(readings) / len(readings):.3f}")


asyncio.run(main())
