# error: asyncio.exceptions.InvalidStateError: Result is not set.
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    print(t.result())


asyncio.run(main())
