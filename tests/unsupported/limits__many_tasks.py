# limit: a program that creates 300000 tasks
import asyncio

async def tiny(i):
    await asyncio.sleep(1)
    return i

async def main():
    tasks = [asyncio.create_task(tiny(i)) for i in range(300000)]
    total = 0
    for t in tasks:
        total += await t
    print(total)

asyncio.run(main())
