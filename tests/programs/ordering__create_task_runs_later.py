# covers: create_task does not start the task until the creator awaits, order of first steps, sleep(0) handing control over
import asyncio


async def job(name):
    print(name, "first step")
    await asyncio.sleep(0)
    print(name, "second step")


async def main():
    print("main: creating tasks")
    a = asyncio.create_task(job("a"))
    b = asyncio.create_task(job("b"))
    print("main: tasks created, nothing ran yet")
    await asyncio.sleep(0)
    print("main: after one sleep(0)")
    await asyncio.sleep(0)
    print("main: after two sleep(0)")
    await a
    await b
    print("main: done")


asyncio.run(main())
