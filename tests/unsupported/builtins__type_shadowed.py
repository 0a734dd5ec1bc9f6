# output: made Point(1, 2)
import asyncio


def type(name, bases, namespace):
    return f"made {name}{bases}"


async def main():
    print(type("Point", (1, 2), {}))


asyncio.run(main())
