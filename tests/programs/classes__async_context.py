# covers: __aenter__/__aexit__ (receiving the exception, and returning True to swallow it), async with, async with ... as
import asyncio


class Connection:
    def __init__(self, host, swallow=False):
        self.host = host
        self.swallow = swallow

    async def __aenter__(self):
        await asyncio.sleep(0.5)
        print("connected to", self.host)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.25)
        if exc_type is None:
            print("closed", self.host, "cleanly")
            return False
        print("closed", self.host, "after", type(exc).__name__, exc.args)
        return self.swallow

    async def query(self, q):
        await asyncio.sleep(1)
        if "DROP" in q:
            raise RuntimeError("not allowed: " + q)
        return f"{len(q)} rows"


async def main():
    async with Connection("db1") as conn:
        print(await conn.query("SELECT *"))
    try:
        async with Connection("db2") as conn:
            await conn.query("DROP TABLE")
            print("not reached")
    except RuntimeError as e:
        print("propagated:", e)
    async with Connection("db3", swallow=True) as conn:
        await conn.query("DROP ALL")
    print("db3 error was swallowed")


asyncio.run(main())
