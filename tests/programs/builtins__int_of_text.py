# covers: int() of text: blanks around it, a sign, `_` between digits, and the ValueError of text it cannot read
import asyncio


async def main():
    for text in [" 42 ", "-7", "+3", "1_000", "2__0", "_5", "x1", ""]:
        try:
            print(repr(text), "->", int(text))
        except ValueError as e:
            print(repr(text), "->", e)
    await asyncio.sleep(0)


asyncio.run(main())
