import asyncio

ready = False


async def runner(name):
    while not ready:
        await asyncio.sleep(0.3)  # is it time yet?
    print(f"{name}: off")


async def starter():
    global ready
    await asyncio.sleep(1)  # on your marks...
    print("bang!")
    ready = True


async def main():
    await asyncio.gather(runner("ann"), runner("bo"), starter())


asyncio.run(main())
