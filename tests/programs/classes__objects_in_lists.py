# covers: objects in a list: awaiting and calling their methods in loops, reading their fields
import asyncio


class Job:
    def __init__(self, name, seconds):
        self.name = name
        self.seconds = seconds
        self.done = False

    async def run(self):
        await asyncio.sleep(self.seconds)
        self.done = True
        return f"{self.name} took {self.seconds}"

    def label(self):
        return self.name.upper()


def describe(name):
    return "job " + name


async def main():
    jobs = [Job("build", 2), Job("test", 1)]
    for job in jobs:
        print(await job.run(), job.done)
    for first in jobs:
        name = first.name
        print(name, describe(first.name), first.label(), len(jobs))
    total = 0
    for job in jobs:
        total += job.seconds
    print(total, [j.name for j in jobs])


asyncio.run(main())
