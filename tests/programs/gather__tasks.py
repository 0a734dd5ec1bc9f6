# covers: asyncio.gather of tasks, tasks already running before gather, task.done() after gather
import asyncio


async def worker(name, jobs):
    done = 0
    for j in range(jobs):
        await asyncio.sleep(0.5)
        done += 1
        print(f"{name} finished job {j}")
    return f"{name}:{done}"


async def main():
    tasks = [asyncio.create_task(worker(n, k), name=n) for n, k in [("alice", 2), ("bob", 3), ("carol", 1)]]
    print("tasks created")
    await asyncio.sleep(0.75)
    print("main woke up; done:", [t.done() for t in tasks])
    results = await asyncio.gather(*tasks)
    print(results)
    print([t.get_name() for t in tasks if t.done()])


asyncio.run(main())
