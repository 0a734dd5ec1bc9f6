# covers: dict(name=value, ...) and d.update(name=value, ...): keywords name the keys, in order; an update replaces a key's value where it stands
import asyncio


async def main():
    limits = dict(low=1, high=10)
    limits.update(high=20, step=2)
    print(limits, limits["high"])
    names = dict(first="ada")
    names.update(last="lovelace")
    names.update({"title": "countess"})
    print(names, len(names))
    point = dict(x=1, y=2)
    for key in point:
        print(key, point[key])
    await asyncio.sleep(0)


asyncio.run(main())
