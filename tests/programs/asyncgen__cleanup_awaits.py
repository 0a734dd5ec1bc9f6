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
async def main():
    async for x in gen("m"):
        if x == 1:
            break
    print("after loop")
    await asyncio.sleep(1)
    print("main end")
asyncio.run(main())
