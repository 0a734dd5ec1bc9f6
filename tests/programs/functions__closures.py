# covers: closures, nonlocal, nested def and nested async def, functions as values
import asyncio


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def make_ticker(name, period):
    ticks = []

    async def run(n):
        for i in range(n):
            await asyncio.sleep(period)
            ticks.append(i)
            print(f"{name} tick {i}")
        return len(ticks)

    return run, ticks


async def main():
    c = make_counter()
    print(c(), c(), c(10))
    other = make_counter(100)
    print(other(), c())
    run, ticks = make_ticker("fast", 0.5)
    print("ran", await run(3), ticks)
    multipliers = [lambda x, k=k: x * k for k in range(3)]
    print([m(10) for m in multipliers])
    late = [lambda x: x * k for k in range(3)]
    print([m(10) for m in late])

    def outer():
        msg = "outer"

        def inner():
            return msg + "/inner"

        return inner()

    print(outer())


asyncio.run(main())
