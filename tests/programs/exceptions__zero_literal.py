# covers: ZeroDivisionError of a number literal divided by a literal zero, each operator's message
import asyncio


def ratio():
    return 1 / 0


async def main():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("1 / 0:", e)
    try:
        print("ratio:", ratio())
    except ZeroDivisionError as e:
        print("ratio() raised:", e)
    for label in ["first", "second"]:
        await asyncio.sleep(0.1)
        try:
            -2.5 % 0
        except ArithmeticError as e:
            print(label, type(e).__name__, e)
    try:
        divmod(3, 0.0)
    except ZeroDivisionError as e:
        print("divmod:", e)
    try:
        7 // 0
    except ZeroDivisionError as e:
        print("7 // 0:", e)
    print("done")


asyncio.run(main())
