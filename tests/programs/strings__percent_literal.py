# covers: printf-style `%` formatting of a literal pattern: %s %r %d %x %o %c %e %f %g, flags, widths, `*`, precision, %(key)s, %%
import asyncio


async def report(name, seconds):
    await asyncio.sleep(seconds)
    return "%-8s took %5.2f s (%3d%%)" % (name, seconds, int(seconds * 100 / 3))


async def main():
    for line in await asyncio.gather(report("fetch", 1.5), report("parse", 0.25)):
        print(line)
    count = 42
    ratio = 2.71828
    print("%s is %d" % ("answer", count))
    print("%r and %s" % ("x", "y"))
    print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
    print("%5.2f|%-10s|%10s|" % (3.14159, "left", "right"))
    print("%(name)s has %(count)03d items" % {"name": "queue", "count": count})
    print("%c%c%c" % (72, "i", 33))
    print("%*d|%-*d|%.*f" % (6, count, 6, count, 2, ratio))
    print("%+d %.2e %g %G %10.3e|" % (3, 12345.678, 1e-5, 1e20, ratio))
    print("%05d|%-05d|%+05d|%0-8d|" % (-42, -42, count, 5))
    print("%08.3f|%-8.3f|%08.2f|" % (-3.14159, 2.5, ratio))
    print("%10.3s|%.2s|%-6r|" % ("abcdef", "xyz", "q"))
    print("%ld %hd %Ld" % (1, 2, 3))
    print("%.0f %.0f %.1f %.20f" % (0.5, 1.5, 0.25, 0.1))
    print("%s" % "just one")
    print("%d%%" % 50)


asyncio.run(main())
