# covers: loop.call_at at a time of the loop's clock, a time already past (the callback runs at once), call_later beside it, and the clock read in the callback's arguments
import asyncio


def report(label, at):
    print(label, "scheduled for", at)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_at(start + 2, report, "at", start + 2)
    loop.call_at(start - 1, report, "past", start - 1)
    loop.call_later(1, report, "later", start + 1)
    await asyncio.sleep(3)
    print("end", loop.time() - start)


asyncio.run(main())
