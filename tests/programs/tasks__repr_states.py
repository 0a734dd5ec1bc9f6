"""A task's repr in each state, as CPython 3.11 prints it: the coroutine
and the line it waits at (the path is the one the program was run by,
`tests/programs/...` for the corpus), what it waits for, its result,
exception or cancel."""
import asyncio


async def worker(n):
    await asyncio.sleep(n)
    return n * 2


async def failing():
    raise ValueError("boom")


async def waiter(fut):
    return await fut


async def main():
    t = asyncio.create_task(worker(1), name="w")
    print(repr(t))
    await asyncio.sleep(0)
    print(repr(t))
    await t
    print(repr(t))

    f = asyncio.create_task(failing())
    await asyncio.sleep(0)
    print(repr(f))
    print(f.exception())

    c = asyncio.create_task(worker(5))
    await asyncio.sleep(0)
    c.cancel()
    print(repr(c))
    await asyncio.sleep(0)
    print(repr(c))

    fut = asyncio.get_running_loop().create_future()
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print(repr(w))
    fut.set_result([1, 2])
    await w
    print(repr(w))

    inner = asyncio.create_task(worker(2), name="inner")
    outer = asyncio.create_task(waiter(inner), name="outer")
    await asyncio.sleep(0)
    print(repr(outer))
    await outer
    print(repr(outer))


asyncio.run(main())
