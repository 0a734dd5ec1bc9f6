# refuse: syntax error `def f(:`
import asyncio


def f(:
    return 1


async def main():
    print(f())


asyncio.run(main())
