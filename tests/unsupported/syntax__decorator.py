# refuse: decorators
import asyncio


def logged(f):
    return f


@logged
async def main():
    print("hi")


asyncio.run(main())
