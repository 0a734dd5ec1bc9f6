import asyncio

stock = 0


async def runner(name, gun, reaction, late=0):
    await asyncio.sleep(late)
    print(f"{name}: on the line")
    await gun.wait()
    await asyncio.sleep(reaction)
    print(f"{name}: off!")


async def buyer(name, wanted, restocked):
    global stock
    async with restocked:
        await restocked.wait_for(lambda: stock >= wanted)
        stock -= wanted
        print(f"{name}: bought {wanted}, {stock} left")


async def supplier(restocked):
    global stock
    for _ in range(3):
        await asyncio.sleep(1)
        async with restocked:
            stock += 4
            print(f"supplier: stock is {stock}")
            restocked.notify_all()


async def main():
    gun = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(runner("ann", gun, 0.2))
        tg.create_task(runner("ben", gun, 0.1))
        tg.create_task(runner("cat", gun, 0.1, late=1.5))
        await asyncio.sleep(1)
        print("main: bang!")
        gun.set()
    restocked = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(buyer("dan", 6, restocked))
        tg.create_task(buyer("eve", 3, restocked))
        tg.create_task(supplier(restocked))


asyncio.run(main())
