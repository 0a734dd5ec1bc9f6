# Done-callbacks run in the order they were added, one round after the
# future is done, behind what was ready; removed ones do not run.
import asyncio


def report(label):
    def callback(fut):
        print(f"{label}: {fut.result()}")

    return callback


async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    first, second, third = report("first"), report("second"), report("third")
    fut.add_done_callback(first)
    fut.add_done_callback(second)
    fut.add_done_callback(third)
    print("removed:", fut.remove_done_callback(second))
    print("removed again:", fut.remove_done_callback(second))
    t = asyncio.create_task(other())
    await asyncio.sleep(0)
    fut.set_result(42)
    print("set")
    fut.add_done_callback(report("late"))
    await t
    await asyncio.sleep(0)


asyncio.run(main())
