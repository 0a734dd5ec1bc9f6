"""Attribute and global lookups and method calls on a small class."""

STEP = 3


class Counter:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, n):
        self.total += n * STEP
        self.calls += 1
        return self.total


def run(n):
    c = Counter()
    last = 0
    for i in range(n):
        last = c.add(i % 7)
    return c.calls, c.total, last


print(run(300_000))
