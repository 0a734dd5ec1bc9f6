# covers: abs() of a loop variable over a list of integer literals, given
# directly and through a variable
import asyncio


async def main():
    for k in [5, -5, 0]:
        print(k, abs(k))
    offsets = [-3, 4, -12]
    total = 0
    for k in offsets:
        total += abs(k)
        await asyncio.sleep(0.1)
    print("total", total)


asyncio.run(main())
