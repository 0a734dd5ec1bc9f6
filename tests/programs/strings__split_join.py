# covers: str split join strip lstrip rstrip splitlines, generator expression passed to "".join
import asyncio


async def download(name):
    await asyncio.sleep(1)
    return "  line one  \nline two\n\n  line four\n"


async def main():
    text = await download("notes")
    for line in text.splitlines():
        print(repr(line), repr(line.strip()))
    print(text.splitlines())
    print("a,b,,c".split(","), "  many   spaces here ".split())
    print("k=v=w".split("=", 1), "one two three".split(" ", 1))
    print(",".join(["x", "y", "z"]), " | ".join("abc"))
    print("".join(str(n) for n in range(5)))
    print("-".join(w.upper() for w in "a b c".split()))
    print(repr("xxhixx".strip("x")), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
    print(repr("...dots...".lstrip(".")), repr("...dots...".rstrip(".")))
    csv = "name,age\nAda,36\nAlan,41"
    rows = [row.split(",") for row in csv.splitlines()]
    header, *data = rows
    print(header, data)
    for name, age in data:
        print(f"{name} is {int(age) + 1} next year")


asyncio.run(main())
