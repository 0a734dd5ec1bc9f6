# covers: d.get(k) is the value or None, x and f(x) of such a value, x if x is not None else default, True in arithmetic
import asyncio


async def find(names, key):
    await asyncio.sleep(0.1)
    return names.get(key)


async def main():
    counts = {"apples": 2, "pears": 0}
    pears = counts.get("pears")
    plums = counts.get("plums")
    print(pears, plums, pears is None, plums is None)
    print(pears and pears + 10, plums and plums + 1)
    print(plums if plums is not None else -1, 5 if pears is None else pears)
    names = {"ada": "Ada Lovelace", "bob": ""}
    for key in ["ada", "bob", "eve"]:
        name = await find(names, key)
        shout = name and name.upper()
        label = name if name is not None else "unknown"
        print(key, repr(shout), label, name or "nameless")
    print(True + True, 3 not in (1, 2), not None)


asyncio.run(main())
