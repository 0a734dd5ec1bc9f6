# covers: an except of a class the operation inside cannot raise (a list's pop raises IndexError, not KeyError): the clause never runs
import asyncio


async def main():
    xs = [1, 2]
    try:
        print(xs.pop())
    except KeyError:
        print("never: a list's pop raises IndexError")
    await asyncio.sleep(0.5)
    print("left", xs)


asyncio.run(main())
