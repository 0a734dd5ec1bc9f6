# covers: asyncio.wait over a list of tasks with FIRST_COMPLETED (the winner's result, how many are pending, the rest cancelled), then ALL_COMPLETED with timeout= leaving the slow one pending
import asyncio


async def mirror(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    print(name, "answered")
    return name + "'s copy"


async def main():
    mirrors = [
        asyncio.create_task(mirror("paris", 1.5)),
        asyncio.create_task(mirror("tokyo", 0.5)),
    ]
    done, pending = await asyncio.wait(mirrors, return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        print("got", task.result(), "with", len(pending), "still running")
    for task in pending:
        task.cancel()
    await asyncio.sleep(1)

    done, pending = await asyncio.wait(
        [asyncio.create_task(mirror("oslo", 1)), asyncio.create_task(mirror("rome", 3))],
        timeout=2,
    )
    print(len(done), "in time,", len(pending), "late")
    for task in done:
        print("in time:", task.result())
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
