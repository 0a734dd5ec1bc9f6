# covers: futures used to hand results between tasks, a list of futures, awaiting futures in order, fut.done()
import asyncio


async def producer(futures):
    for i, fut in enumerate(futures):
        await asyncio.sleep(0.5)
        print("producing", i)
        fut.set_result(i * i)


async def main():
    loop = asyncio.get_running_loop()
    futures = [loop.create_future() for _ in range(3)]
    task = asyncio.create_task(producer(futures))
    for i, fut in enumerate(futures):
        value = await fut
        print("consumed", i, value, [f.done() for f in futures])
    await task
    print("producer done:", task.done())


asyncio.run(main())
