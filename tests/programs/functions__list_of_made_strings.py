"""A list written in the call, holding a string the program made, passed to
a function: the function takes owned strings."""
import asyncio


def show(words):
    print(len(words), words)


def joined(words):
    return ",".join(words)


async def main():
    show(["a", "b"])
    name = "c"
    show([name, "d"])
    print(joined(["e", name.upper()]), name)


asyncio.run(main())
