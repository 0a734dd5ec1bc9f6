# covers: a dict of integers beside floats whose floats Python writes with an exponent (1e+16, 1e-05)
import asyncio


async def main():
    sizes = {"tiny": 0.00001, "huge": 1e16, "count": 3, "plain": 2.5}
    for name in sizes:
        print(name, sizes[name])
    print(sizes)
    await asyncio.sleep(0)


asyncio.run(main())
