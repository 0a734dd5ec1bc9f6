# error: TypeError: can only concatenate str (not "int") to str
import asyncio


async def main():
    label = "count: " + 3
    print(label)


asyncio.run(main())
