# refuse: eval("1")
import asyncio


async def main():
    print(eval("1"))


asyncio.run(main())
