# limit: a task awaiting a future that nobody resolves (a real loop hangs forever; the virtual-clock harness reports a deadlock)
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    await fut


asyncio.run(main())
