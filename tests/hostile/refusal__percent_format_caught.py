# ends: not supported yet: '%' string formatting
import asyncio


async def main():
    try:
        print("%d tasks" % 3)
    except TypeError as e:
        print("caught", repr(e))


asyncio.run(main())
