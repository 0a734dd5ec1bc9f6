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
    g = gen("kept")
    print(await anext(g))
    print("main end")
asyncio.run(main())
print("after run")
