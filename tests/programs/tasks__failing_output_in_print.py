# covers: a task's result read inside print, whose exception goes on up to the caller: the first task returns, the second raises, main catches it
import asyncio


async def check(n):
    await asyncio.sleep(n)
    if n > 1:
        raise ValueError(f"too big: {n}")
    return n * 10


async def report(n):
    t = asyncio.create_task(check(n))
    print("checking", n)
    print("result:", await t)


async def main():
    await report(1)
    try:
        await report(2)
    except ValueError as e:
        print("main caught", e)


asyncio.run(main())
