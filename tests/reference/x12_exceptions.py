import asyncio


async def check(n):
    await asyncio.sleep(1)
    if n < 0:
        raise ValueError(f"negative: {n}")
    if n == 0:
        raise KeyError("zero")
    return n * 2


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def main():
    total = 0
    for n in [3, -1, 0]:
        try:
            value = await check(n)
            total = total + value
            print("ok", value)
        except ValueError as e:
            print("caught", type(e).__name__, e)
        except (KeyError, IndexError) as e:
            print("lookup failed:", e)
        finally:
            print("checked", n)
    print("total", total)
    try:
        try:
            await check(-5)
        except ValueError:
            print("re-raising")
            raise
    except Exception as e:
        print("outer", type(e).__name__, str(e))
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, f"[{e}]")
    task = asyncio.create_task(check(1))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled")
    print("done")


asyncio.run(main())
