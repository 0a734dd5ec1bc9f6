"""Delays written as a float times a count, and a whole number of seconds
an object holds, which may be negative (asyncio then waits no time)."""
import asyncio


class Job:
    def __init__(self, name, seconds):
        self.name = name
        self.seconds = seconds

    async def run(self):
        await asyncio.sleep(self.seconds)
        print("done", self.name)


async def step(i):
    await asyncio.sleep(0.25 * i)
    print("step", i)


async def main():
    for i in range(3):
        await asyncio.sleep(0.1 * i)
        print("tick", i)
    await asyncio.gather(step(2), step(1))
    await Job("late", 1).run()
    await Job("early", -1).run()


asyncio.run(main())
