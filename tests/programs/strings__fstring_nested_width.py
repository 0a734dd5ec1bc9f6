# covers: f-strings with nested {x:{w}}, !r and !s, format specs in a table, str.format
import asyncio


async def fetch(name, size):
    await asyncio.sleep(size / 100)
    return {"name": name, "size": size}


async def main():
    files = []
    for name, size in [("a.txt", 12), ("report.pdf", 250), ("img.png", 75)]:
        files.append(await fetch(name, size))
    w = max(len(f["name"]) for f in files)
    print(f"{'name':<{w}} | {'size':>6}")
    print("-" * (w + 9))
    for f in files:
        print(f"{f['name']:<{w}} | {f['size']:>6}")
    prec = 3
    value = 2 / 7
    print(f"{value:.{prec}f} {value:{10}.{prec + 1}f}|")
    fill = 12
    print(f"[{'centered':^{fill}}]")
    label = "done"
    print(f"{label!r:>10}|{label!s:>10}|")
    print(f"{files[0]['name']!r}")
    print("{} + {} = {}".format(2, 3, 2 + 3))
    print("{0}-{1}-{0}".format("a", "b"))
    print("{name} is {age}".format(name="Ada", age=36))
    print("{:>6.2f}|{:<4}|".format(3.14159, "ab"))


asyncio.run(main())
