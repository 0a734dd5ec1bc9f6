import asyncio


async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: done")


async def main():
    print("main: a limit on each call")
    try:
        await asyncio.wait_for(step("connect", 0.5), timeout=2)
        await asyncio.wait_for(step("login", 0.5), timeout=2)
        await asyncio.wait_for(step("download", 1.5), timeout=2)
        print("main: every call kept to its limit")
    except TimeoutError:
        print("main: a call timed out")

    print("main: one limit on the whole block")
    try:
        async with asyncio.timeout(2):
            await step("connect", 0.5)
            await step("login", 0.5)
            await step("download", 1.5)
        print("main: the block kept to its limit")
    except TimeoutError:
        print("main: the block timed out")

    print("main: a deadline that moves")
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 3) as deadline:
            await step("handshake", 0.5)
            print("main: the server asks for one more second")
            deadline.reschedule(deadline.when() + 1)
            await step("transfer", 3)
        print("main: the transfer made the moved deadline")
    except TimeoutError:
        print("main: the transfer timed out")


asyncio.run(main())
