# sys.stdout and sys.stderr: write, flush, print(file=...), line buffering.
import asyncio
import sys


async def progress(name, steps):
    for i in range(steps):
        sys.stdout.write(f"{name}:{i} ")
        await asyncio.sleep(0.5)
    sys.stdout.write("done\n")
    print(f"{name} finished", file=sys.stderr, flush=True)


async def main():
    print(repr(sys.stdout))
    print(repr(sys.stderr))
    n = sys.stdout.write("two\nlines\n")
    print("write returned", n)
    sys.stdout.write("unfinished ")
    print("then print ends the line")
    print("warning:", "disk", "low", sep=" ", end="!\n", file=sys.stderr)
    sys.stderr.write("partial ")
    sys.stderr.write("stderr line\n")
    print("to stdout", file=sys.stdout, flush=True)
    print("to stdout", file=None)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        sys.stdout.write(42)
    except TypeError as e:
        print("TypeError:", e)
    await progress("job", 3)
    print(sys.argv[0].endswith("sys__streams.py"), len(sys.argv), sys.platform)
    print(sys.stdout is sys.stdout, sys.stderr is not sys.stdout)
    sys.stdout.write("left unfinished at the end")


asyncio.run(main())
