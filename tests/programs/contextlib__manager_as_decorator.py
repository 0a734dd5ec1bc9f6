"""A `@contextmanager` manager used as a decorator: each call of the
function runs inside a fresh manager, which sees its errors."""
import asyncio
import contextlib


@contextlib.contextmanager
def traced(name):
    print("enter", name)
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
    finally:
        print("exit", name)


@traced("double")
def double(x):
    print("double", x)
    return x * 2


@traced("lookup")
def lookup(table, key):
    return table[key]


@traced("divide")
def divide(a, b):
    return a / b


class Worker:
    @traced("method")
    def work(self, n):
        return f"worked {n}"


@traced("coroutine made")
async def fetch(n):
    await asyncio.sleep(n)
    return n


async def main():
    print(double(3), double.__name__, double.__wrapped__(5))
    print(lookup({"a": 1}, "a"), lookup({}, "missing"))
    try:
        divide(1, 0)
    except ZeroDivisionError as e:
        print("caught", e)
    print(Worker().work(2))
    print(await fetch(1))


asyncio.run(main())
