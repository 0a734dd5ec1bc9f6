import asyncio


async def work(name):
    done = 0
    try:
        for i in range(3):
            await asyncio.sleep(1)
            done += 1
            print(f"{name}: step {i}")
    finally:
        print(f"{name}: finally, {done} steps done")


async def count(name):
    step = 0
    try:
        for _ in range(10):
            await asyncio.sleep(1)
            step += 1
    except asyncio.CancelledError:
        print(f"{name}: cancelled at step {step}")
        raise
    print(f"{name}: counted to {step}")


async def tally(name):
    steps = 0
    last = "none"
    try:
        for i in range(3):
            await asyncio.sleep(1)
            steps += 1
            last = f"step {i}"
    finally:
        print(f"{name}: {steps} steps, last {last}")


async def stop_work(name, delay):
    task = asyncio.create_task(work(name))
    await asyncio.sleep(delay)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        return


async def stop_count(name, delay):
    task = asyncio.create_task(count(name))
    await asyncio.sleep(delay)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        return


async def main():
    # The cleanup reads a variable that the guarded code changes.
    await work("first")
    await stop_work("second", 1.5)
    await stop_count("third", 2.5)
    await tally("fourth")


asyncio.run(main())
