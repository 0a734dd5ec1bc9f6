# covers: try ... except* ... else ... finally: else runs when the task group raised nothing, finally after either
import asyncio


async def job(name, fails):
    await asyncio.sleep(1)
    if fails:
        raise ValueError(f"{name} failed")
    print(f"{name} done")


async def run(fails):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", fails))
            tg.create_task(job("b", False))
    except* ValueError as eg:
        print(f"caught {eg!r}")
    else:
        print("no error")
    finally:
        print("finally")


async def main():
    await run(False)
    await run(True)


asyncio.run(main())
