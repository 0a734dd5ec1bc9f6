# covers: asyncio.all_tasks, current_task, set_name, remove_done_callback, sleep(delay, result), wait_for on a task and on a future, cancelling() and uncancel()
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 10


async def settle(fut, value):
    await asyncio.sleep(1)
    fut.set_result(value)


def report(task):
    print("callback:", task.get_name(), task.result())


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work(1))
    print(t.get_name(), t.done())
    print(sorted(x.get_name() for x in asyncio.all_tasks()))
    print(asyncio.current_task().get_name(), asyncio.current_task() in asyncio.all_tasks())
    t.set_name("renamed")
    t.add_done_callback(report)
    t.add_done_callback(print)
    print(t.remove_done_callback(print), t.remove_done_callback(print))
    print(await asyncio.wait_for(t, 5))
    await asyncio.sleep(0)
    print(t.get_name(), t.done(), t.result())
    print(await asyncio.sleep(0.5, result="later"))

    fut = loop.create_future()
    setter = asyncio.create_task(settle(fut, "from the future"))
    print(await asyncio.wait_for(fut, 2), loop.time())

    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 1)
    except TimeoutError:
        print("future cancelled:", fut.cancelled(), loop.time())

    c = asyncio.create_task(work(5))
    await asyncio.sleep(0)
    c.cancel()
    c.cancel()
    print(c.cancelling(), c.uncancel(), c.cancelling())
    try:
        await c
    except asyncio.CancelledError as e:
        print("cancelled", e.args, c.cancelled())
    print(len(asyncio.all_tasks()))


asyncio.run(main())
