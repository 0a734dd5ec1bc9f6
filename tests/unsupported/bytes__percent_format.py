# refuse: b"..." % args ('%' formatting of bytes)
import asyncio


async def main():
    print(b"%d items" % 3)


asyncio.run(main())
