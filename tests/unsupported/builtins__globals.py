# refuse: globals()
import asyncio

counter = 0


async def main():
    globals()["counter"] = 5
    print(counter)


asyncio.run(main())
