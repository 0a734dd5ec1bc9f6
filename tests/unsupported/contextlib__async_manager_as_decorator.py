# ends: not supported yet: an @asynccontextmanager manager used as a decorator
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def traced():
    print("enter")
    yield
    print("exit")


@traced()
async def work():
    return 1


async def main():
    print(await work())


asyncio.run(main())
