# covers: what no except* clause matches goes on as a group of its own and ends the run, printed in CPython's boxes
import asyncio


async def step(n):
    await asyncio.sleep(1)
    if n == 1:
        raise ValueError("step 1 failed")
    raise PermissionError(f"step {n} not allowed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in (1, 2):
                tg.create_task(step(n))
    except* ValueError:
        print("the ValueError is handled")


asyncio.run(main())
