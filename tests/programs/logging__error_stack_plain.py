# covers: a log call whose %-arguments do not fit, made at module level, in a plain function, in a nested call, a comprehension and a class body: CPython's "--- Logging error ---" block with logging's frames and the whole call stack
import logging


def describe(n):
    logging.warning("item %d", str(n))
    return n


def outer(items):
    return [describe(i) for i in items]


class Config:
    logging.warning("class %s", "body", "extra")
    size = 2


logging.warning("%d items", "three")
describe(1)
print(outer(range(Config.size)))
print("still running")
