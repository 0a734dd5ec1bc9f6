# error: TypeError: unhashable type: 'list'
import asyncio


async def main():
    seen = {}
    seen[[1, 2]] = True


asyncio.run(main())
