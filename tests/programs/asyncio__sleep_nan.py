import asyncio
async def main():
    try:
        r = await asyncio.sleep(float("nan"))
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
asyncio.run(main())
