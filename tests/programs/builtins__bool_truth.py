# covers: bool() of numbers, strings, lists, dicts and None
import asyncio


async def main():
    await asyncio.sleep(0.5)
    count = 0
    print(bool(0), bool(3), bool(-0.0), bool(0.25))
    print(bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(None))
    print(bool(count), bool(count + 1), bool(count > 0))


asyncio.run(main())
