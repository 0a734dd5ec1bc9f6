# covers: an asyncio.Event shared with tasks: wait blocks until set, is_set, a wait on an event already set returns at once, clear
import asyncio


async def runner(name, gun, reaction):
    print(f"{name}: on the line, fired {gun.is_set()}")
    await gun.wait()
    await asyncio.sleep(reaction)
    print(f"{name}: off")


async def main():
    gun = asyncio.Event()
    ann = asyncio.create_task(runner("ann", gun, 0.2))
    ben = asyncio.create_task(runner("ben", gun, 0.1))
    await asyncio.sleep(1)
    print("bang")
    gun.set()
    await ann
    await ben
    await runner("cat", gun, 0.3)
    gun.clear()
    print("cleared, fired", gun.is_set())


asyncio.run(main())
