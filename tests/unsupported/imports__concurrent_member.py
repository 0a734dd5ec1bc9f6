# refuse: concurrent.futures.as_completed (only the executors)
import asyncio
import concurrent.futures


async def main():
    for f in concurrent.futures.as_completed([]):
        print(f)


asyncio.run(main())
