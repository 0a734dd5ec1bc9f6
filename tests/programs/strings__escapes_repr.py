# covers: str escapes, repr with quotes chosen like Python (repr("it's")), repr(), str(), !r
import asyncio


async def main():
    print(repr("it's"))
    print(repr('say "hi"'))
    print(repr("both ' and \""))
    print(repr("plain"), repr(""))
    print(repr("tab\there"), repr("line\nbreak"), repr("back\\slash"))
    print("tab\there")
    print("col1\tcol2\tcol3")
    print("quote: \" and '")
    print(len("a\nb"), len("\\n"), len(""))
    words = ["it's", 'he said "no"', "x"]
    print(words)
    print(("a", 'b"c', "d'e"))
    print({"key": "it's"})
    name = "O'Brien"
    print(f"{name!r} has {len(name)} chars")
    print(f"{name!s} is {name}")
    print(str("x") == repr("x"), repr(repr("x")))
    print("multi\nline\nprint")
    print(repr("\x41\u00e9"), "caf\u00e9")


asyncio.run(main())
