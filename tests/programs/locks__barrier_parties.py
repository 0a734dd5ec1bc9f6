# covers: an asyncio.Barrier shared by a TaskGroup's tasks: parties arriving at different times all pass once the last arrives, and the barrier is used for a second round
import asyncio


async def party(name, delay, barrier):
    await asyncio.sleep(delay)
    print(f"{name} arrives")
    await barrier.wait()
    print(f"{name} passes")
    await asyncio.sleep(delay)
    print(f"{name} arrives again")
    await barrier.wait()
    print(f"{name} passes again")


async def main():
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(party("a", 0.1, barrier))
        tg.create_task(party("b", 0.3, barrier))
        tg.create_task(party("c", 0.2, barrier))
    print("all through")


asyncio.run(main())
