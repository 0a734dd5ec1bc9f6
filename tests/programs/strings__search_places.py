# covers: find/index count places in characters (not bytes), with a start from either end; count, partition and replace with a count
import asyncio


async def main():
    word = "crème brûlée"
    print(word.find("b"), word.find("é"), word.find("é", 10), word.find("é", -2), word.find("x"))
    print(word.index("û"), word.index("e", 3), word.count("e"), word.count(""))
    for start in [0, 5, 12, 13, -1, -40]:
        print(start, word.find("", start), "abcabc".find("c", start))
    try:
        print(word.index("è", 3))
    except ValueError as e:
        print("ValueError:", e)
    head, sep, tail = word.partition(" ")
    print(repr(head), repr(sep), repr(tail))
    print(word.partition("ü"))
    print("a.b.c.d".replace(".", "/", 2), "a.b.c.d".replace(".", "/", 0), "a.b".replace(".", "/", -1))
    print(word.startswith(("cr", "br")), word.endswith(("x", "y")))


asyncio.run(main())
