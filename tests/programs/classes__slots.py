"""`__slots__`: instances without a `__dict__`, CPython's errors for an
attribute outside the slots, slots inherited, and a class's `__dict__`
printed as CPython's `mappingproxy` prints."""
import asyncio


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x

    def moved(self, dx):
        return Point(self.x + dx)


class Point3(Point):
    __slots__ = ("z",)


class Loose(Point):
    pass


class Named:
    __slots__ = "name"

    @property
    def upper(self):
        return self.name.upper()


class Empty:
    __slots__ = ()


class Plain:
    kind = "plain"

    def hello(self):
        return "hi"


def give_z(obj):
    obj.z = 1


def give_w(obj):
    obj.w = 1


def give_age(obj):
    obj.age = 3


def give_a(obj):
    obj.a = 1


def attempt(what, action):
    try:
        print(what, repr(action()))
    except (AttributeError, TypeError, ValueError) as e:
        print(what, type(e).__name__, e)


async def main():
    p = Point(1)
    print(p.x, p.moved(2).x, Point.__slots__)
    attempt("unset slot", lambda: p.y)
    attempt("new attribute", lambda: give_z(p))
    attempt("__dict__", lambda: p.__dict__)
    attempt("vars", lambda: vars(p))
    p.y = 5
    print(p.x + p.y)
    del p.x
    attempt("deleted slot", lambda: p.x)
    q = Point3(2)
    q.z = 3
    q.y = 4
    print(q.x, q.y, q.z)
    attempt("subclass slots", lambda: give_w(q))
    loose = Loose(3)
    loose.w = 9
    print(loose.w, loose.x)
    n = Named()
    n.name = "ada"
    print(n.name, n.upper)
    attempt("string slot", lambda: give_age(n))
    attempt("empty slots", lambda: give_a(Empty()))
    print(str(Plain.__dict__)[:46])
    print(f"{Plain.__dict__}"[:46])
    print(list(vars(Plain)))
    try:

        class Clash:
            __slots__ = ("x",)
            x = 1

    except ValueError as e:
        print("ValueError", e)
    try:

        class Odd:
            __slots__ = (1,)

    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
