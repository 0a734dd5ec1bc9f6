# refuse: concurrent.futures.as_completed (asyncio.as_completed over asyncio.wrap_future instead)
import asyncio
import concurrent.futures


async def main():
    for f in concurrent.futures.as_completed([]):
        print(f)


asyncio.run(main())
