# covers: the errors `%` formatting raises, each caught and printed as CPython words it
import asyncio


async def attempt(label, make):
    await asyncio.sleep(0.1)
    try:
        print(label, repr(make()))
    except Exception as e:
        print(label, type(e).__name__, e)


async def main():
    cases = [
        ("few", lambda: "%s %s" % (1,)),
        ("many", lambda: "%s" % (1, 2)),
        ("single left", lambda: "abc" % 5),
        ("string arg", lambda: "%s %s" % "ab"),
        ("char", lambda: "abc %y" % 1),
        ("unprintable", lambda: "%\x01" % 1),
        ("non-ascii", lambda: "%é" % 1),
        ("percent with width", lambda: "%5%" % (1,)),
        ("percent no args", lambda: "%5%" % ()),
        ("d of str", lambda: "%d" % "x"),
        ("x of float", lambda: "%x" % 1.5),
        ("f of str", lambda: "%f" % "x"),
        ("d of nan", lambda: "%d" % float("nan")),
        ("d of inf", lambda: "%d" % float("inf")),
        ("f of huge int", lambda: "%f" % 10**400),
        ("c too big", lambda: "%c" % 0x110000),
        ("c negative", lambda: "%c" % -1),
        ("c of two chars", lambda: "%c" % "ab"),
        ("c of float", lambda: "%c" % 1.0),
        ("star of str", lambda: "%*d" % ("a", 1)),
        ("no mapping", lambda: "%(a)s" % (1,)),
        ("key missing", lambda: "%(a)s" % {"b": 1}),
        ("key then plain", lambda: "%(a)s %s" % {"a": 1}),
        ("list key", lambda: "%(a)s" % [1]),
        ("incomplete", lambda: "abc %" % ()),
        ("incomplete key", lambda: "%(a" % {}),
        ("empty tuple", lambda: "%s" % ()),
    ]
    for label, make in cases:
        await attempt(label, make)


asyncio.run(main())
