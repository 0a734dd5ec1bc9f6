# ends: not supported yet: awaiting an object with __await__
import asyncio


class Ready:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 1


async def main():
    try:
        print(await Ready())
    except BaseException as e:
        print("caught", repr(e))


asyncio.run(main())
