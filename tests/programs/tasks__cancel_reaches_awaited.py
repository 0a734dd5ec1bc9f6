# covers: cancelling a task that awaits a task handed to it cancels that task too, before it prints; a task handed over and awaited to its end is left alone
import asyncio


async def worker(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done")
    return name


async def waiter(t):
    result = await t
    print("waiter got", result)


async def main():
    slow = asyncio.create_task(worker("slow", 2))
    w = asyncio.create_task(waiter(slow))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(2)
    print("after the cancel")
    quick = asyncio.create_task(worker("quick", 1))
    v = asyncio.create_task(waiter(quick))
    await asyncio.sleep(2)
    v.cancel()
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
