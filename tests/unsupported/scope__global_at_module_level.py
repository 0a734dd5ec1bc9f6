# refuse: `global` at module level
import asyncio

global counter
counter = 0


async def main():
    print(counter)


asyncio.run(main())
