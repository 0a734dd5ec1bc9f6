import asyncio


def callback(label):
    print(f"callback: {label}")


async def steps(name, pause):
    for i in range(3):
        print(f"{name}: step {i}")
        if pause:
            await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, callback, "call_later(0.5)")
    loop.call_soon(callback, "call_soon")
    polite = asyncio.create_task(steps("polite", pause=True))
    greedy = asyncio.create_task(steps("greedy", pause=False))
    print("main: two callbacks and two tasks scheduled")
    await polite
    await greedy
    print("main: both tasks done")
    await asyncio.sleep(1)
    print("main: done")


asyncio.run(main())
