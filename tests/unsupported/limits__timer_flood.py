# limit: a task spawning a new task every virtual millisecond forever
import asyncio

async def spawn(n):
    await asyncio.sleep(0.001)
    asyncio.create_task(spawn(n + 1))
    asyncio.create_task(spawn(n + 1))

async def main():
    await spawn(0)
    await asyncio.sleep(10**5)

asyncio.run(main())
