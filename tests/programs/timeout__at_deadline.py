# covers: asyncio.timeout_at a deadline on the loop's clock: a block that ends in time, one cut at the deadline, one whose TimeoutError is caught around it
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "fetched")


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(loop.time() + 2):
        await fetch("a", 1)
    print("in time at", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() + 1.5):
            await fetch("b", 1)
            await fetch("c", 1)
    except TimeoutError:
        print("deadline passed at", loop.time())
    print("done")


asyncio.run(main())
