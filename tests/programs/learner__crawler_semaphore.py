# covers: a crawler that gathers 20 fetches while an asyncio.Semaphore(3) lets at most 3 run at once, async with on the semaphore, results in call order
import asyncio


async def fetch(sem, page):
    async with sem:
        print(f"fetching page {page}")
        await asyncio.sleep(0.25 * (page % 4 + 1))
        print(f"fetched page {page}")
        return page * 10


async def main():
    sem = asyncio.Semaphore(3)
    sizes = await asyncio.gather(*[fetch(sem, page) for page in range(1, 21)])
    print("sizes", sizes)
    print("total", sum(sizes))


asyncio.run(main())
