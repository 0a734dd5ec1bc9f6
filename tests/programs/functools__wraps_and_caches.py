"""functools: a wraps timing decorator on a coroutine, partial, reduce,
lru_cache, cache, cached_property and total_ordering."""
import asyncio
import functools
import time
from functools import lru_cache, partial, reduce, total_ordering, wraps


def timed(coro_fn):
    @wraps(coro_fn)
    async def wrapper(*args, **kwargs):
        """The wrapper's own doc."""
        t0 = time.perf_counter()
        try:
            return await coro_fn(*args, **kwargs)
        finally:
            print(f"{coro_fn.__name__}{args} took {time.perf_counter() - t0:.2f}s")

    return wrapper


@timed
async def fetch(name, delay=1.0):
    """Fetches a thing."""
    await asyncio.sleep(delay)
    return f"{name} data"


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
def square(x):
    print(f"computing {x}^2")
    return x * x


@lru_cache(maxsize=2)
def lookup(key):
    print(f"miss {key}")
    return key.upper()


class Report:
    def __init__(self, rows):
        self.rows = rows

    @functools.cached_property
    def total(self):
        print("summing")
        return sum(self.rows)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"


def power(base, exponent):
    return base**exponent


async def main():
    print(fetch.__name__, fetch.__doc__, fetch.__qualname__, fetch.__wrapped__.__name__)
    results = await asyncio.gather(fetch("users"), fetch("posts", delay=2.5))
    print(results)
    print(fib(80), fib.cache_info())
    print(square(4), square(4), square(5), square.cache_info().hits)
    for k in ["a", "b", "a", "c", "b", "a"]:
        lookup(k)
    print(lookup.cache_info())
    lookup.cache_clear()
    print(lookup.cache_info(), fib.__name__, fib.__wrapped__.__name__)
    r = Report([1, 2, 3])
    print(r.total, r.total)
    r.rows.append(4)
    print(r.total)
    del r.total
    print(r.total)
    v1, v2, v3 = Version(1, 2), Version(1, 10), Version(1, 2)
    print(v1 < v2, v1 <= v3, v1 > v2, v2 >= v1, v1 >= v3, v1 != v3)
    print(sorted([v2, v1, Version(0, 9)]), max(v1, v2))
    square_of = partial(power, exponent=2)
    cube = partial(power, exponent=3)
    two_to = partial(power, 2)
    print(square_of(7), cube(2), two_to(10), two_to.args, cube.keywords)
    print(partial(partial(power, 3), exponent=4)())
    print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + b, [], 100))
    print(reduce(max, [3, 9, 2]))
    try:
        reduce(max, [])
    except TypeError as e:
        print("TypeError:", e)
    delayed = partial(fetch, delay=0.5)
    print(await delayed("later"))


asyncio.run(main())
