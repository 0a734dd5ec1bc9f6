# covers: the Timeout of `async with asyncio.timeout(...) as cm` read in and after its block: when(), expired(), repr; timeout_at; two blocks, one cut off and one in time, each taken by a handler
import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "finished")


async def main():
    loop = asyncio.get_running_loop()
    limit = 1.5
    try:
        async with asyncio.timeout(limit) as first:
            print("first:", repr(first), first.expired())
            await step("quick", 0.5)
    except TimeoutError:
        print("first timed out")
    print("after first:", repr(first), first.expired(), first.when())

    try:
        async with asyncio.timeout_at(loop.time() + 2) as second:
            print("second ends at", second.when())
            await step("slow", 4)
    except TimeoutError as err:
        print("second:", repr(err), type(err.__cause__).__name__, second.expired())
    print("after second:", repr(second), loop.time())


asyncio.run(main())
