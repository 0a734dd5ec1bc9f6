# covers: gather(..., return_exceptions=True) of one coroutine: the list holds each child's value or the exception it raised, in the order given; return_exceptions=False of children that all succeed is a plain gather
import asyncio


async def parse(text):
    await asyncio.sleep(len(text) / 10)
    if text == "x" or text == "":
        raise ValueError("not a number: " + text)
    return int(text) * 2


async def main():
    results = await asyncio.gather(parse("12"), parse("x"), parse("345"), parse(""), return_exceptions=True)
    print(results)
    print(len(results), "outcomes")
    print(await asyncio.gather(parse("7"), parse("89"), return_exceptions=True))
    print(await asyncio.gather(parse("1"), parse("2"), return_exceptions=False))


asyncio.run(main())
