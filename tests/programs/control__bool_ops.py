# covers: and/or returning operands, not, is, is not, in, not in, None, bool
import asyncio


async def lookup(key):
    await asyncio.sleep(0.5)
    return {"name": "Ada", "city": ""}.get(key)


async def main():
    print(1 and 2, 0 and 2, "" or "default", "x" or "y", None or 0 or [])
    print(not 0, not "text", not None, not [])
    print(0 or None, [] and "never", 3 and 0 and 5)
    name = await lookup("name")
    city = await lookup("city") or "unknown city"
    age = await lookup("age")
    print(name, city, age)
    print(age is None, name is not None, age is not None)
    print(name and name.upper(), age and age.upper())
    print("a" in "cat", 2 in [1, 2], "k" in {"k": 1}, 3 not in (1, 2))
    print(True + True, True * 3, False == 0)
    label = age if age is not None else "age unknown"
    print(label)
    items = []
    first = items and items[0]
    print(repr(first))
    flags = [x > 1 for x in [0, 2]]
    print(flags, not all(flags), True is True, None is None)


asyncio.run(main())
