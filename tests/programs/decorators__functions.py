"""Decorators on functions, coroutines and methods, with and without arguments."""
import asyncio
import time


def logged(f):
    def wrapper(*args, **kwargs):
        print(f"calling {f.__name__}{args}")
        return f(*args, **kwargs)

    wrapper.__wrapped__ = f
    wrapper.__name__ = f.__name__
    return wrapper


def repeat(times):
    def decorate(f):
        def wrapper(*args):
            return [f(*args) for _ in range(times)]

        return wrapper

    return decorate


def timed(label):
    def decorate(coro_fn):
        async def wrapper(*args):
            t0 = time.perf_counter()
            result = await coro_fn(*args)
            print(f"{label}: {coro_fn.__name__} took {time.perf_counter() - t0:.1f}s")
            return result

        return wrapper

    return decorate


registry = []


def register(f):
    registry.append(f.__name__)
    return f


@register
@logged
def add(a, b=2):
    return a + b


@repeat(3)
def hello(name):
    return f"hi {name}"


@timed("net")
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


class Greeter:
    greeted = 0

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        """The name greeted."""
        return self._name

    @name.setter
    def name(self, value):
        print(f"renaming {self._name} -> {value}")
        self._name = value

    @staticmethod
    def shout(text):
        return text.upper() + "!"

    @classmethod
    def make(cls, name):
        cls.greeted += 1
        return cls(name)

    @register
    def greet(self, other):
        return f"{self.name} greets {other}"


class Loud(Greeter):
    @classmethod
    def make(cls, name):
        made = super().make(name.upper())
        print(f"made {type(made).__name__}")
        return made


def counter(f):
    f.calls = 0
    return f


@counter
def tick():
    """Counts."""


async def main():
    print(add(1), add(1, b=5))
    print(add.__name__, add.__wrapped__.__name__, registry)
    print(hello("bob"))
    results = await asyncio.gather(fetch("a", 1), fetch("b", 2))
    print(results)
    g = Greeter.make("ann")
    print(g.name, Greeter.greeted, Greeter.shout("hey"), g.shout("ho"))
    g.name = "bea"
    print(g.name, g.greet("cid"))
    try:
        del g.name
    except AttributeError as e:
        print("AttributeError:", e)
    print(Greeter.name.__doc__, Greeter.name.fget.__name__)
    l = Loud.make("dan")
    print(l.name, Loud.greeted, Greeter.greeted, isinstance(l, Greeter))
    tick.calls += 2
    print(tick.calls, tick.__doc__, tick.__qualname__, tick.__module__)
    print(Greeter.greet.__qualname__, Greeter.make.__name__, Greeter.shout.__name__)
    print(callable(add), callable(g), callable(Greeter))


asyncio.run(main())
