import asyncio


async def download(page):
    await asyncio.sleep(1)
    return f"page {page}"


async def polite(limit, page):
    async with limit:
        return await download(page)


async def main():
    limit = asyncio.Semaphore(3)
    pages = await asyncio.gather(*(polite(limit, p) for p in range(1, 10)))
    print(f"{len(pages)} pages, last: {pages[-1]}")


asyncio.run(main())
