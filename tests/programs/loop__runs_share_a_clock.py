# covers: one event loop made by hand runs coroutines in turn with run_until_complete; its clock goes on from one run to the next, and close() ends it
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done at", asyncio.get_running_loop().time())
    return name.upper()


async def both():
    return await asyncio.gather(work("a", 2), work("b", 0.5))


def main():
    loop = asyncio.new_event_loop()
    first = loop.run_until_complete(work("first", 1))
    print(first, loop.time())
    pair = loop.run_until_complete(both())
    print(pair, loop.time())
    loop.close()


main()
