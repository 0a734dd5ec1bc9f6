# covers: bool() of numbers, strings, lists, dicts and None; any/all of a list display whose items differ in type
import asyncio


async def main():
    await asyncio.sleep(0.5)
    count = 0
    print(bool(0), bool(3), bool(-0.0), bool(0.25))
    print(bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(None))
    print(bool(count), bool(count + 1), bool(count > 0))
    print(any([0, "", None]), all([1, "x", [0]]), any([0.0, "", [1]]), all([2, None]))


asyncio.run(main())
