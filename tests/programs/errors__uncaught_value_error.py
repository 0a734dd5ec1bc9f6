# covers: an uncaught exception ending asyncio.run (traceback on stderr, last line "ValueError: ..."), prints before the failure still appear
import asyncio


async def parse_age(text):
    await asyncio.sleep(0.5)
    return int(text)


async def main():
    print("parsing ages")
    for text in ["41", "7", "forty"]:
        age = await parse_age(text)
        print("parsed", age)
    print("not reached")


asyncio.run(main())
