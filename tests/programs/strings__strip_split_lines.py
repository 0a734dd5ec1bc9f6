# covers: strip/lstrip/rstrip of given characters, split with a maxsplit, splitlines of every line ending, join of a string's characters
import asyncio


async def receive():
    await asyncio.sleep(0.5)
    return "GET /index\r\nHost: example\r\n\r\nbody\rend\n"


async def main():
    request = await receive()
    lines = request.splitlines()
    print(len(lines), lines)
    for line in lines:
        key, _, value = line.partition(":")
        print(repr(key.rstrip()), repr(value.lstrip()))
    print("a\n".splitlines(), "".splitlines(), "\n\n".splitlines(), "x\x0by\x1cz".splitlines())
    print("k=v=w".split("=", 1), "".split("=", 1), "a=b".split("=", 0), "a b c".split(" ", 5))
    print(repr("<<[title]>>".strip("<>[]")), repr("xyxhixyx".strip("yx")), repr("abc".strip("")))
    print(repr("0042".lstrip("0")), repr("3.1400".rstrip("0")), repr("...".strip(".")))
    print(repr("  pad\t".lstrip()), repr("  pad\t".rstrip()), repr("éé café éé".strip("é ")))
    print(" | ".join("abc"), "-".join("x"), "".join("hey"))


asyncio.run(main())
