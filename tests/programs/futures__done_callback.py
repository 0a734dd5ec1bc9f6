# covers: a done callback added to a future before set_result: it runs once main awaits, behind the task that was ready first
import asyncio

log = []


async def worker(name):
    log.append(name + " runs")
    await asyncio.sleep(1)
    log.append(name + " done")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda _: log.append("callback"))
    t = asyncio.create_task(worker("w"))
    fut.set_result("ready")
    log.append("resolved")
    print(await fut)
    await t
    print(log)


asyncio.run(main())
