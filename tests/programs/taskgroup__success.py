# covers: async with TaskGroup waits for every child; create_task returns the Task (with name=); results read after the block
import asyncio


async def fetch(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name}:{delay}"


async def main():
    async with asyncio.TaskGroup() as tg:
        slow = tg.create_task(fetch("slow", 2), name="slow-fetch")
        fast = tg.create_task(fetch("fast", 0.5))
        print(f"created {slow.get_name()} and {fast.get_name()}, done={slow.done()}")
        await asyncio.sleep(1)
        print(f"body done after 1s: fast.done()={fast.done()} slow.done()={slow.done()}")
    print("after the block:", slow.result(), fast.result())
    print(repr(tg))


asyncio.run(main())
