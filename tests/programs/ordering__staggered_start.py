# covers: tasks started at different times with loops, interleaving of prints over time, tasks in a list awaited in a loop
import asyncio


async def runner(name, start_delay, laps, lap_time):
    await asyncio.sleep(start_delay)
    print(f"{name} starts")
    for lap in range(1, laps + 1):
        await asyncio.sleep(lap_time)
        print(f"{name} lap {lap}")
    return name


async def main():
    racers = [("ann", 0, 3, 1.0), ("ben", 0.5, 2, 1.25), ("cat", 1.5, 2, 0.5)]
    tasks = [asyncio.create_task(runner(*r)) for r in racers]
    finish = []
    for t in tasks:
        finish.append(await t)
    print("finish list", finish)


asyncio.run(main())
