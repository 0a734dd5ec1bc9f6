# covers: asyncio.gather of a task beside a coroutine call and a sleep with a result: the task started first, each result in argument order
import asyncio

async def job(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("end", name)
    return name.upper()

async def main():
    t = asyncio.create_task(job("t", 1))
    out = await asyncio.gather(job("a", 0.5), t, asyncio.sleep(0.2, result="z"))
    print(out)
    print(t.done())

asyncio.run(main())
