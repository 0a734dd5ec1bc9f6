# ends: RuntimeError: Task cannot await on itself
import asyncio


async def main():
    await asyncio.current_task()


asyncio.run(main())
