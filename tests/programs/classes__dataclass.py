# covers: @dataclass: fields from the annotated names, defaults, the generated __init__ (positional and keyword arguments), __repr__ and __eq__, methods reading and setting the fields, fields set from outside, objects in a list
import asyncio
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    seconds: float
    retries: int = 2
    done: bool = False

    async def run(self):
        await asyncio.sleep(self.seconds)
        self.done = True
        return f"{self.name} after {self.seconds}s"

    def label(self):
        return f"{self.name}/{self.retries}"


async def main():
    build = Job("build", 1.5)
    test = Job("test", 0.5, retries=0)
    print(build)
    print(await build.run(), build.done)
    print(build == Job("build", 1.5, 2, True), build == test)
    test.retries += 1
    print(test.label(), test)
    jobs = [Job("lint", 1.0), Job(name="docs", seconds=2.5, done=True)]
    for job in jobs:
        print(job.label(), await job.run())
    print(jobs)


asyncio.run(main())
