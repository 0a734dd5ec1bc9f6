"""contextlib: generator-based managers (sync and async, with cleanup on
an error and on a timeout), suppress, closing, aclosing, nullcontext and
the exit stacks."""
import asyncio
from contextlib import (
    AsyncExitStack,
    ExitStack,
    aclosing,
    asynccontextmanager,
    closing,
    contextmanager,
    nullcontext,
    suppress,
)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


@asynccontextmanager
async def connection(host):
    print(f"connect {host}")
    await asyncio.sleep(0.5)
    try:
        yield f"conn:{host}"
    except ValueError as e:
        print(f"{host}: rolled back after {e!r}")
        raise
    finally:
        await asyncio.sleep(0.25)
        print(f"{host}: closed")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print(f"{self.name} closed")


class Pool:
    async def __aenter__(self):
        print("pool up")
        return self

    async def __aexit__(self, *exc):
        print("pool down", exc[0].__name__ if exc[0] else None)
        return False


async def ticks(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("ticks finalised")


async def main():
    with tag("b") as t:
        print("inside", t)
    with swallow():
        {}["missing"]
    print("after swallow")
    with suppress(ZeroDivisionError, KeyError):
        1 / 0
    print("suppressed")
    try:
        with suppress(KeyError):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("escaped", e)
    with closing(Resource("file")) as r:
        print("using", r.name)
    with nullcontext(42) as x:
        print("null gives", x)
    async with nullcontext("async") as x:
        print("async null gives", x)

    async with connection("db") as conn:
        print("using", conn)
    try:
        async with connection("cache") as conn:
            raise ValueError("bad row")
    except ValueError as e:
        print("caught", e)

    async def slow():
        async with connection("api"):
            await asyncio.sleep(10)

    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError:
        print("timed out")

    async with aclosing(ticks(10)) as agen:
        async for i in agen:
            if i == 2:
                break
    print("after aclosing")

    with ExitStack() as stack:
        names = [stack.enter_context(tag(n)) for n in ["x", "y"]]
        stack.callback(print, "callback ran", names)
        print("stacked", names)
    with ExitStack() as stack:
        stack.enter_context(tag("outer"))
        stack.enter_context(swallow())
        raise KeyError("k")
    print("stack swallowed")

    async with AsyncExitStack() as stack:
        conn = await stack.enter_async_context(connection("q"))
        pool = await stack.enter_async_context(Pool())
        stack.enter_context(tag("sync"))

        async def farewell(who):
            await asyncio.sleep(0.1)
            print("farewell", who)

        stack.push_async_callback(farewell, "async stack")
        print("async stacked", conn, type(pool).__name__)
    print("done")


asyncio.run(main())
