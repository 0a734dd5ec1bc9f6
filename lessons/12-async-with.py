import asyncio


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: opening")
        await asyncio.sleep(0.5)
        print(f"{self.name}: open")
        return f"{self.name}-handle"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.name}: closing")
        await asyncio.sleep(0.5)
        print(f"{self.name}: closed")


async def long_job():
    async with Connection("cache") as c:
        print(f"job: working with {c}")
        await asyncio.sleep(5)
        print("job: finished")


async def main():
    async with Connection("pool") as p:
        async with Connection("db") as c:
            print(f"using {c} from {p}")
            await asyncio.sleep(1)
    try:
        await asyncio.wait_for(long_job(), timeout=1)
    except TimeoutError:
        print("main: the job timed out")


asyncio.run(main())
