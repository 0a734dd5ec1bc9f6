import asyncio
async def gen(tag):
    try:
        for i in range(10):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(tag, "cleanup start")
        await asyncio.sleep(0.2)
        print(tag, "cleanup end")
async def worker():
    async for x in gen("w"):
        if x == 1:
            break
    print("worker after loop")
    await asyncio.sleep(0.05)
    print("worker end")
async def main():
    t = asyncio.create_task(worker())
    g = gen("kept")
    print(await anext(g))
    await t
    print("main end")
asyncio.run(main())
print("after run")
