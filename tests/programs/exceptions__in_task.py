# covers: exception raised in a task, awaited and caught, task.done(), task.result() raising, task.cancelled() False for failed task
import asyncio


async def sensor(name, fail_at):
    for i in range(3):
        await asyncio.sleep(1)
        if i == fail_at:
            raise ValueError(f"{name} broke at reading {i}")
        print(name, "reading", i)
    return name + " ok"


async def main():
    good = asyncio.create_task(sensor("temp", 99))
    bad = asyncio.create_task(sensor("wind", 1))
    try:
        await bad
    except ValueError as e:
        print("caught:", e)
    print("bad done:", bad.done(), "cancelled:", bad.cancelled())
    try:
        bad.result()
    except ValueError as e:
        print("result() re-raises:", repr(e))
    print("good done yet?", good.done())
    print(await good)
    print("good result:", good.result())


asyncio.run(main())
