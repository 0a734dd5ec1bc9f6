# covers: except with tuples of classes, except ... as, several except clauses, order of matching, LookupError
import asyncio


async def parse(raw):
    await asyncio.sleep(0.1)
    data = {"a": 1, "b": [10, 20]}
    if raw == "key":
        return data["zzz"]
    if raw == "index":
        return data["b"][5]
    if raw == "zero":
        return 1 / 0
    if raw == "type":
        return "1" + 1
    return int(raw)


async def main():
    for raw in ["42", "key", "index", "zero", "type", "oops"]:
        try:
            value = await parse(raw)
            print(raw, "->", value)
        except (KeyError, IndexError) as e:
            print(raw, "lookup problem:", type(e).__name__, e)
        except (ZeroDivisionError, TypeError) as e:
            print(raw, "math/type problem:", type(e).__name__, e)
        except Exception as e:
            print(raw, "other:", type(e).__name__, e)
    try:
        [][0]
    except LookupError as e:
        print("LookupError caught an", type(e).__name__)


asyncio.run(main())
