# limit: a string doubled in a loop until it is gigabytes
import asyncio


async def main():
    s = "x"
    for _ in range(40):
        s = s + s
    print(len(s))


asyncio.run(main())
