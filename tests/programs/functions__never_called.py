"""A function defined and never called: Python never runs it, and the
listing leaves it out."""
import asyncio


def spare(a, b):
    return a + b


async def idle(seconds):
    await asyncio.sleep(seconds)
    print("never printed")


def used(x):
    return x * 2


async def main():
    print("used gives", used(21))


asyncio.run(main())
