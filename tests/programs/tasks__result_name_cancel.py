# covers: task.result() of a finished task, create_task(name=) and task.get_name(), task.cancel() inside an expression (True while the task runs, False once it is done), task.cancelled()
import asyncio


async def work(n):
    await asyncio.sleep(n)
    print("work", n, "done")
    return n * 10


async def main():
    a = asyncio.create_task(work(1), name="first")
    b = asyncio.create_task(work(3), name="second")
    print(a.get_name(), b.get_name(), a.done())
    await asyncio.sleep(2)
    print("a:", a.done(), a.result(), a.cancelled())
    print("cancel b:", b.cancel(), "cancel a:", a.cancel())
    try:
        await b
    except asyncio.CancelledError:
        print("b cancelled:", b.cancelled(), "a cancelled:", a.cancelled())


asyncio.run(main())
