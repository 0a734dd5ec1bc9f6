# covers: task.cancel() before the task starts, task.cancelled(), task.done(), awaiting a cancelled task raises CancelledError
import asyncio


async def job(name):
    print(name, "started")
    await asyncio.sleep(1)
    print(name, "finished")
    return name


async def main():
    t = asyncio.create_task(job("never"), name="doomed")
    other = asyncio.create_task(job("other"))
    print("cancel returned", t.cancel())
    print("done?", t.done(), "cancelled?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print("done?", t.done(), "cancelled?", t.cancelled())
    print("cancel again returns", t.cancel())
    print(await other)
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError too")


asyncio.run(main())
