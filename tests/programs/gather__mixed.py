# covers: asyncio.gather mixing tasks and coroutines, gather result order, asyncio.sleep with result= inside gather
import asyncio


async def compute(x):
    await asyncio.sleep(x * 0.5)
    print("computed", x)
    return x * x


async def main():
    early = asyncio.create_task(compute(3))
    results = await asyncio.gather(
        compute(1),
        early,
        asyncio.sleep(1, result="slept"),
        compute(2),
    )
    print(results)
    print(early.result(), early.done())


asyncio.run(main())
