# refuse: concurrent.futures.Future (the futures come from an executor's submit)
import asyncio
import concurrent.futures


async def main():
    future = concurrent.futures.Future()
    print(future)


asyncio.run(main())
