# covers: float() of text: blanks around it, exponents, inf and nan, `_` between digits, and the ValueError of text it cannot read
import asyncio


async def main():
    for text in [" -2.5 ", "1e3", "-inf", "nan", "1_000.5", "1_.5", "x"]:
        try:
            print(repr(text), "->", float(text))
        except ValueError as e:
            print(repr(text), "->", e)
    await asyncio.sleep(0)


asyncio.run(main())
