# covers: asyncio.sleep(0) resumes the tasks that yield at one instant first-in first-out
import asyncio


async def job(name):
    await asyncio.sleep(0)
    print(name)


async def main():
    await asyncio.gather(job("a"), job("b"), job("c"))


asyncio.run(main())
