import asyncio
async def boom():
    raise ValueError("x")
async def ok(n):
    await asyncio.sleep(n)
    return n
async def forever():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(forever())
    async def killer():
        await asyncio.sleep(0.1)
        t.cancel()
    r = await asyncio.gather(boom(), ok(0.2), t, killer(), return_exceptions=True)
    print(r)
    t2 = asyncio.create_task(forever())
    async def k2():
        await asyncio.sleep(0.1)
        t2.cancel("bye")
    print(await asyncio.gather(t2, k2(), return_exceptions=True))
    try:
        print(await asyncio.gather(boom(), ok(1), return_exceptions=True))
    except Exception as e:
        print("caught", repr(e))
    g = asyncio.gather(ok(1), ok(2), return_exceptions=True)
    async def k3():
        await asyncio.sleep(0.5)
        print("cancel", g.cancel())
    asyncio.create_task(k3())
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("cancelled", repr(e))
asyncio.run(main())
