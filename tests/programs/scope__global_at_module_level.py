# covers: global at module level (allowed, does nothing)
import asyncio

global counter
counter = 0


async def main():
    print(counter)


asyncio.run(main())
