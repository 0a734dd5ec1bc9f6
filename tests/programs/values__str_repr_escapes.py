# covers: repr of str escapes non-printable characters (controls, DEL, C1, NBSP, format characters, separators, private use) as CPython's unicode_repr, inside containers and !r too
import asyncio


async def main():
    for s in ["\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\xa0", "\xad", "\u200b", "\u202e", "\u2028", "\u3000", "\ue000", "\U000f0000", "\r", "\t", "\U0001f600", "caf\u00e9", "a b"]:
        print(repr(s), len(repr(s)), [s])
    zwsp = "\u200b"
    print(repr("\x00\n"), {"k\x1b": ("\x7f",)}, f"{zwsp!r}")
    print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("back\\slash"))
    await asyncio.sleep(0)


asyncio.run(main())
