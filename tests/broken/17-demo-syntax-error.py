import asyncio


async def main():
    names = ["a", "b"
    for name in names:
        print(name)


asyncio.run(main())
