# covers: asyncio.Condition: wait_for(predicate) checked again at each notify_all, wait() woken by notify(n) and notify() in the order the tasks began to wait
import asyncio

stock = 0


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


async def waiter(name, bell):
    async with bell:
        print(f"{name}: waiting")
        await bell.wait()
        print(f"{name}: woken")


async def ringer(bell):
    await asyncio.sleep(1)
    async with bell:
        print("ringer: notify(2)")
        bell.notify(2)
    await asyncio.sleep(1)
    async with bell:
        print("ringer: notify()")
        bell.notify()


async def main():
    restocked = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(buyer("dan", 6, restocked))
        tg.create_task(buyer("eve", 3, restocked))
        tg.create_task(buyer("fay", 2, restocked))
        tg.create_task(supplier(restocked))
    bell = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(waiter("w1", bell))
        tg.create_task(waiter("w2", bell))
        tg.create_task(waiter("w3", bell))
        tg.create_task(ringer(bell))
    print("main: done")


asyncio.run(main())
