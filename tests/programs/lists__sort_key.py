# covers: list sort(key=, reverse=), sorted (key, reverse), reversed, min/max with key, lambda
import asyncio


class Job:
    def __init__(self, name, priority, seconds):
        self.name = name
        self.priority = priority
        self.seconds = seconds

    def __repr__(self):
        return f"Job({self.name!r}, p={self.priority})"


async def main():
    jobs = [Job("backup", 2, 3), Job("email", 1, 1), Job("index", 3, 2), Job("build", 1, 4)]
    jobs.sort(key=lambda j: j.priority)
    print(jobs)
    jobs.sort(key=lambda j: j.seconds, reverse=True)
    print([j.name for j in jobs])
    print(sorted(j.name for j in jobs))
    print(sorted([5, 2, 9, 1], reverse=True))
    print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=lambda s: s.lower()))
    print(sorted(["ccc", "a", "bb", "dd"], key=len))
    print(list(reversed([1, 2, 3])), "".join(reversed("stressed")))
    print(min(jobs, key=lambda j: j.seconds), max(jobs, key=lambda j: j.priority))
    words = ["pear", "fig", "banana", "kiwi"]
    words.sort()
    print(words)
    words.sort(key=len, reverse=True)
    print(words)
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
    print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
    for job in sorted(jobs, key=lambda j: (j.priority, j.name)):
        await asyncio.sleep(job.seconds)
        print("ran", job.name)


asyncio.run(main())
