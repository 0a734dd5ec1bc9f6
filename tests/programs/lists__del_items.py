# covers: del of a list item (from either end) and of a dict entry; the IndexError and KeyError when it is not there
import asyncio


async def main():
    xs = [10, 20, 30, 40, 50]
    del xs[1]
    del xs[-1]
    del xs[-2]
    print(xs)
    ages = {"ann": 31, "bob": 42, "cy": 27}
    del ages["bob"]
    print(ages)
    for at in [5, -9, 0]:
        try:
            del xs[at]
            print("deleted at", at, xs)
        except IndexError as e:
            print("IndexError:", e)
    for name in ["cy", "cy"]:
        try:
            del ages[name]
            print("deleted", name, ages)
        except KeyError as e:
            print("KeyError:", e)


asyncio.run(main())
