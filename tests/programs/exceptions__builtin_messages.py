# covers: built-in exception messages (ValueError, TypeError, KeyError str is repr of key, IndexError, ZeroDivisionError, AttributeError, NameError), str(e), repr(e)
import asyncio


async def risky(kind):
    await asyncio.sleep(0)
    if kind == 1:
        return int("abc")
    if kind == 2:
        return 1 + "x"
    if kind == 3:
        return {"a": 1}["b"]
    if kind == 4:
        return [1, 2][7]
    if kind == 5:
        return 5 // 0
    if kind == 6:
        return 5.0 / 0
    if kind == 7:
        return (3).upper()
    if kind == 8:
        return undefined_name
    if kind == 9:
        return 10 % 0
    if kind == 10:
        return len(5)
    if kind == 11:
        return {}[("t", 1)]
    return "ok"


async def main():
    for kind in range(12):
        try:
            print(kind, await risky(kind))
        except Exception as e:
            print(kind, type(e).__name__, "|", str(e), "|", repr(e))
    print(str(KeyError("k")), str(KeyError(1)), repr(KeyError("k")))


asyncio.run(main())
