# covers: printf-style `%` formatting of strings: %s %r %a %d %i %x %X %o %c %e %f %g, flags, widths, `*`, precision, %(key)s, %%
import asyncio


class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees

    def __str__(self):
        return f"{self.degrees} degrees"

    def __repr__(self):
        return f"Temperature({self.degrees})"


async def report(name, seconds):
    await asyncio.sleep(seconds)
    return "%-8s took %5.2f s (%3d%%)" % (name, seconds, seconds * 100 / 3)


async def main():
    for line in await asyncio.gather(report("fetch", 1.5), report("parse", 0.25)):
        print(line)
    print("%s is %d" % ("answer", 42))
    print("%r and %s and %a" % ("x", "y", "café"))
    print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
    print("%5.2f|%-10s|%10s|" % (3.14159, "left", "right"))
    print("%(name)s has %(count)03d items" % {"name": "queue", "count": 7})
    print("%c%c%c" % (72, "i", 33))
    print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 2.71828))
    print("%+d % d %+.2e %g %G %#g" % (3, 4, 12345.678, 1e-5, 1e20, 1.5))
    print("%05d|%-05d|%+05d|%0-8d|" % (-42, -42, 42, 5))
    print("%.3d|%#.5x|%#06x|%.3x" % (7, 255, 10, -5))
    print("%08.3f|%-8.3f|%08.2f|" % (-3.14159, 2.5, float("inf")))
    print("%F %E %e" % (float("nan"), float("-inf"), -0.0))
    print("%d %i %u %d" % (True, 3.9, -5, 2**70))
    print("%x %o" % (2**70, -8))
    print("%10.3s|%.2s|%-6r|" % ("abcdef", [1, 2, 3], None))
    print("%s / %r" % (Temperature(21), Temperature(21)))
    print("%s" % [1, 2])
    print("%s" % {"a": 1})
    print("%s" % ((1, 2),))
    print("no conversions" % {})
    print("no conversions" % [1])
    print("%ld %hd %Ld" % (1, 2, 3))
    print("%.0f %.0f %.1f %.20f" % (0.5, 1.5, 0.25, 0.1))
    print("%5c|%05s|%05r|" % (65, "ab", 1))
    print("%-*d|%.*s|" % (-6, 3, -3, "abc"))
    print("%(a)s%(a)r %%" % {"a": "x"})
    print("%s" % "just one")
    message = "%s=%d"
    message %= ("n", 5)
    print(message)
    print("%d" % 1.5e300 == str(int(1.5e300)))


asyncio.run(main())
