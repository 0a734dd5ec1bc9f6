# refuse: Python 2 `print "x"`
import asyncio


async def main():
    print "hello"


asyncio.run(main())
