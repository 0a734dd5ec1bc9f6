import asyncio


class Res:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: open")
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.5)
        print(f"{self.name}: closed")


async def job(seconds):
    async with Res("cache") as c:
        await asyncio.sleep(seconds)
        print(f"job: {c} done")
        return seconds * 2


async def main():
    for s in [1, 3]:
        try:
            value = await asyncio.wait_for(job(s), timeout=2)
            print(f"main: got {value}")
        except TimeoutError:
            print("main: timed out")


asyncio.run(main())
