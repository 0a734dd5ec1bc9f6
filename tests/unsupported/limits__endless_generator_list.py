# limit: list() of an endless generator (memory)
import asyncio

def naturals():
    n = 0
    while True:
        yield n
        n += 1

async def main():
    print(len(list(naturals())))

asyncio.run(main())
