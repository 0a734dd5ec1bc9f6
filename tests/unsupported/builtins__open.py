# refuse: open("x")
import asyncio


async def main():
    with open("x") as f:
        print(f.read())


asyncio.run(main())
