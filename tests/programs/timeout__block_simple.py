# covers: async with asyncio.timeout(): a block cut off at its deadline (its cleanup runs, TimeoutError caught around it), a block in time, and a TimeoutError nobody catches
import asyncio


async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(name, "done")
    finally:
        print(name, "left")


async def main():
    try:
        async with asyncio.timeout(2.5):
            await step("first", 1)
            await step("second", 5)
            print("not reached")
    except TimeoutError:
        print("the block timed out")
    async with asyncio.timeout(3):
        await step("quick", 0.5)
        print("the block finished in time")
    async with asyncio.timeout(1):
        await step("slow", 2)
    print("not reached")


asyncio.run(main())
