"""vars(obj) is the object's own __dict__: writes through it reach the
object; vars() in a function; vars(Class); objects without a __dict__."""
import asyncio
import datetime


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Labelled(Point):
    """A point with a label."""

    kind = "labelled"

    def label(self):
        return f"{self.x},{self.y}"


def counter(start):
    total = start
    step = 2

    def bump():
        return total + step

    seen = vars()
    return sorted(seen), bump()


async def main():
    p = Point(1, 2)
    d = vars(p)
    d["z"] = 3
    print(p.z, vars(p), d is p.__dict__, vars(p) is vars(p))
    p.__dict__["w"] = 4
    p.__dict__.update(x=10, extra="yes")
    print(p.x, p.w, p.extra, p.__dict__)
    del p.__dict__["y"]
    print("y" in vars(p), sorted(vars(p)))
    p.y = 5
    print(list(vars(p).items()))
    q = Labelled(3, 4)
    print(vars(q), q.label())
    print(list(vars(Labelled)), vars(Labelled)["kind"], "label" in vars(Labelled))
    print(list(vars(Point)), Labelled.__dict__["__doc__"])
    print(len(vars(Labelled)), len(vars(Point)))
    try:
        vars(Labelled)["kind"] = "other"
    except TypeError as e:
        print("TypeError:", e)
    print(counter(1))

    def local_names(a, b=2, *rest, **kw):
        c = a + b
        return vars()

    print(local_names(1, 5, 6, k=7))
    for bad in (1, "text", [1], None, datetime.timedelta(1)):
        try:
            vars(bad)
        except TypeError as e:
            print(type(bad).__name__, "TypeError:", e)
    try:
        vars(p, q)
    except TypeError as e:
        print("TypeError:", e)
    r = Point(0, 0)
    r.__dict__ = {"x": 7, "label": "replaced"}
    print(r.x, r.label, vars(r))
    try:
        r.__dict__ = 5
    except TypeError as e:
        print("TypeError:", e)
    for obj in (3, datetime.date(2024, 1, 1)):
        try:
            obj.__dict__
        except AttributeError:
            print(type(obj).__name__, "has no __dict__")
    await asyncio.sleep(0.5)
    print(vars(p))


asyncio.run(main())
