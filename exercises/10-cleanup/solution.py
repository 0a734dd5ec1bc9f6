import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def connection(name):
    print(f"{name}: open")
    try:
        yield name
    finally:
        print(f"{name}: closed")


async def query(name):
    async with connection(name) as conn:
        await asyncio.sleep(5)  # a slow query
        return f"{conn}: rows"


async def main():
    try:
        print(await asyncio.wait_for(query("db"), timeout=1))
    except asyncio.TimeoutError:
        print("query timed out")


asyncio.run(main())
