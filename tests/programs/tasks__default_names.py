# covers: the names asyncio gives tasks made without name= (Task-2, Task-3, ... after main's Task-1), read in a comprehension and in a loop that awaits each task past a cancelled one
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n * 10


async def main():
    tasks = [asyncio.create_task(job(n)) for n in [1, 2, 3]]
    await asyncio.sleep(1.5)
    print("done:", [t.get_name() for t in tasks if t.done()])
    tasks[2].cancel()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print(t.get_name(), "cancelled")
        print(t.get_name(), "done:", t.done())


asyncio.run(main())
