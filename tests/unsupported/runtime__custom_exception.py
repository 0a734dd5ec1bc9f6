# error: BadInput: bad input: '??'
import asyncio


class BadInput(Exception):
    def __init__(self, value):
        super().__init__(f"bad input: {value!r}")


async def main():
    raise BadInput("??")


asyncio.run(main())
