import asyncio

gun = asyncio.Event()


async def runner(name):
    await gun.wait()
    print(f"{name}: off")


async def starter():
    await asyncio.sleep(1)  # on your marks...
    print("bang!")
    gun.set()


async def main():
    await asyncio.gather(runner("ann"), runner("bo"), starter())


asyncio.run(main())
