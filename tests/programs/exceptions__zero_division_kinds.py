# covers: ZeroDivisionError messages for / // % and floats, ArithmeticError, try/except in a loop over coroutines
import asyncio


async def divide(a, b, op):
    await asyncio.sleep(0.1)
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    return a % b


async def main():
    for a, b, op in [(7, 2, "/"), (1, 0, "/"), (1, 0, "//"), (1, 0, "%"), (1.0, 0, "/"),
                     (1.0, 0.0, "//"), (2.5, 0, "%"), (-9, 4, "//")]:
        try:
            print(a, op, b, "=", await divide(a, b, op))
        except ZeroDivisionError as e:
            print(a, op, b, "->", e)
    try:
        divmod(3, 0)
    except ArithmeticError as e:
        print("divmod:", type(e).__name__, e)


asyncio.run(main())
