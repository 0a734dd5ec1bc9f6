# refuse: __import__
import asyncio


async def main():
    os = __import__("os")
    print(os.name)


asyncio.run(main())
