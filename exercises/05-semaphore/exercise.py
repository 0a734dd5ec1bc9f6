import asyncio


async def download(page):
    await asyncio.sleep(1)
    return f"page {page}"


async def main():
    pages = await asyncio.gather(*(download(p) for p in range(1, 10)))
    print(f"{len(pages)} pages, last: {pages[-1]}")


asyncio.run(main())
