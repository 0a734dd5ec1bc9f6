# covers: task.result() of a task cancelled before it ran, read after a sleep let it end; result() raises CancelledError then
import asyncio


async def job(name):
    print("job", name, "starts")
    await asyncio.sleep(1)
    return name


async def main():
    t = asyncio.create_task(job("never"))
    t.cancel()
    await asyncio.sleep(0)
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
    print("done:", t.done())


asyncio.run(main())
