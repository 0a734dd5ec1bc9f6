import asyncio
order = []
async def a():
    order.append("a1")
    await asyncio.sleep(0)
    order.append("a2")
async def b():
    order.append("b1")
    await asyncio.sleep(0)
    order.append("b2")
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda _: order.append("cb"))
    t1 = asyncio.create_task(a())
    t2 = asyncio.create_task(b())
    f.set_result(1)
    await asyncio.sleep(0)
    order.append("main")
    await t1
    await t2
    print(order)
asyncio.run(main())
