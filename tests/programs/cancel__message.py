import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside", repr(e), e.args)
        raise
async def quick():
    return 1
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    print(t.cancel("bye"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside", repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result", repr(e))
    t2 = asyncio.create_task(quick())
    t2.cancel(msg="early")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("early", repr(e))
    f = asyncio.get_running_loop().create_future()
    f.cancel("fut")
    try:
        await f
    except asyncio.CancelledError as e:
        print("future", repr(e))
    t3 = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError as e:
        print("nomsg", repr(e))
    await gathered()


async def gathered():
    g = asyncio.gather(asyncio.sleep(5), asyncio.sleep(6))
    await asyncio.sleep(0.5)
    g.cancel("stop")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather", repr(e))


asyncio.run(main())
