import asyncio


async def slow_query():
    await asyncio.sleep(8)
    return "rows"


async def main():
    try:
        rows = await asyncio.wait_for(slow_query(), timeout=3)
        print(rows)
    except TimeoutError:
        print("query timed out")


asyncio.run(main())
