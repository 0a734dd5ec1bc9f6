import asyncio


async def main():
    q = asyncio.Queue()
    await q.put(1)
    print(await q.get())


asyncio.run(main())
