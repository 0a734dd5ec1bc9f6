import asyncio


async def waiter(name, slot):
    print(f"{name}: waiting for the reply")
    value = await slot
    print(f"{name}: got {value}")


async def producer(slot):
    await asyncio.sleep(2)
    print("producer: setting the result")
    slot.set_result("pong")


async def main():
    reply = asyncio.get_running_loop().create_future()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(waiter("A", reply))
        tg.create_task(waiter("B", reply))
        tg.create_task(producer(reply))
    print("main: everyone has the reply")


asyncio.run(main())
