# covers: str methods upper lower title capitalize zfill center ljust rjust, string * repetition
import asyncio


async def shout(text):
    await asyncio.sleep(0.5)
    return text.upper() + "!"


async def main():
    s = "hello wORLD from asyncio"
    print(s.upper())
    print(s.lower())
    print(s.title())
    print(s.capitalize())
    print("42".zfill(5), "-42".zfill(5), "12345".zfill(3))
    print("[" + "hi".center(8) + "]", "[" + "hi".center(7, "*") + "]")
    print("[" + "hi".ljust(6) + "]", "[" + "hi".rjust(6, ".") + "]")
    print(await shout("hey"))
    for i, item in enumerate(["apple", "kiwi", "banana"]):
        print(item.ljust(8, ".") + str(i).rjust(3))
    print("=" * 20)
    print("ab" * 3, "-" * 0 == "", 3 * "xy")
    print("Mixed Case".lower() == "mixed case")
    print("ÉCOLE".lower(), "straße".upper())


asyncio.run(main())
