# covers: async with asyncio.timeout(): the block cut off with TimeoutError, a block in time, timeout(None), expired(), when(), the Timeout repr in each state, a cleanup in the cancelled code
import asyncio


async def slow(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print(repr(cm), cm.when())
            await slow("long", 5)
    except TimeoutError as e:
        print("timed out:", repr(e), type(e.__cause__).__name__, cm.expired(), loop.time())
    print(repr(cm))

    async with asyncio.timeout(3) as cm:
        print("in time:", await slow("short", 1))
    print(cm.expired(), repr(cm), loop.time())

    async with asyncio.timeout(None) as cm:
        print(repr(cm), cm.when())
        await asyncio.sleep(2)
    print("no deadline", loop.time())

    try:
        async with asyncio.timeout(-1):
            print("already past")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline fires on the next round", loop.time())

    try:
        async with asyncio.timeout(0.5):
            print("no await")
    except TimeoutError:
        print("not reached")
    print("a block without awaits ends in time")


asyncio.run(main())
