import asyncio
async def gen():
    try:
        for i in range(10):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("gen cleanup")
async def main():
    async for x in gen():
        if x == 2:
            break
        print(x)
    print("after loop")
    await asyncio.sleep(0.5)
    print("end")
asyncio.run(main())
