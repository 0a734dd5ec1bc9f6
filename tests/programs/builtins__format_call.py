# covers: the built-in format(value, spec) of integers, floats and strings, as the f-string {value:spec} writes them
import asyncio


async def report(name, seconds, bytes_read):
    await asyncio.sleep(seconds)
    line = format(name, "<8") + format(seconds, ">6.2f") + " s"
    print(line, format(bytes_read, ","), format(bytes_read, "x"), format(seconds))
    return format(bytes_read / 1024, ".1f")


async def main():
    print(format(7, "03d"), format(255, "#b"), format(-3, "+"), format(0.25, "%"))
    sizes = [await report("small", 0.5, 2048), await report("large", 1.25, 1048576)]
    print(sizes, format("done", "*^10"))


asyncio.run(main())
