import asyncio


async def worker(label):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(label, "caught", repr(e.args))
        raise


async def idle(label):
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(label, "caught", repr(e.args))
        raise


async def main():
    t = asyncio.create_task(worker("sleeping"))
    await asyncio.sleep(1)
    print("first", t.cancel("first"), t.cancelling())
    print("second", t.cancel("second"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaited", repr(e.args))
    print("third", t.cancel("third"), t.cancelling())

    # not started yet: no future to pass the cancel to
    u = asyncio.create_task(worker("unstarted"))
    print("first", u.cancel("one"), u.cancelling())
    print("second", u.cancel("two"), u.cancelling())
    try:
        await u
    except asyncio.CancelledError as e:
        print("awaited", repr(e.args))

    # ready to run after sleep(0): no future waited on
    v = asyncio.create_task(idle("ready"))
    await asyncio.sleep(0)
    print("first", v.cancel("a"), v.cancelling())
    print("second", v.cancel(), v.cancelling())
    try:
        await v
    except asyncio.CancelledError as e:
        print("awaited", repr(e.args))

    # waiting on a task that is itself cancelled twice
    inner = asyncio.create_task(worker("inner"))
    outer = asyncio.create_task(asyncio.wait_for(inner, 100))
    await asyncio.sleep(1)
    print("outer", outer.cancel("x"), outer.cancel("y"), outer.cancelling())
    print("inner cancelling", inner.cancelling())
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer awaited", repr(e.args))


asyncio.run(main())
