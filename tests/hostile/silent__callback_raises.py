# logs: an exception in a callback is logged on stderr and the loop goes on
import asyncio


def boom(x):
    raise ValueError(f"bad {x}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(boom, 1)
    loop.call_later(0.5, boom, 2)
    fut = loop.create_future()
    fut.add_done_callback(boom)
    fut.set_result("done")
    await asyncio.sleep(1)
    print("the loop went on")


asyncio.run(main())
