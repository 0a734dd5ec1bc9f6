"""A call in a class body runs once, where the class statement runs; the class's attributes are read through the class."""
import asyncio

print("before the class")


class Limits:
    print("defining Limits")
    retries = 3
    delay = 0.5


async def main():
    for attempt in range(Limits.retries):
        await asyncio.sleep(Limits.delay)
        print("attempt", attempt + 1, "of", Limits.retries)


print("after the class")
asyncio.run(main())
