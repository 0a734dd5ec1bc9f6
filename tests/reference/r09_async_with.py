import asyncio


async def main():
    async with Session():
        await asyncio.sleep(1)
        print("request done")


class Session:
    async def __aenter__(self):
        await asyncio.sleep(0.5)
        print("session open")

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.5)
        print("session closed")


asyncio.run(main())
