import asyncio


async def ticker():
    try:
        while True:
            await asyncio.sleep(0.5)
            print("tick")
    except asyncio.CancelledError:
        print("ticker: saving its state")
        await asyncio.sleep(0.2)  # writing to disk
        print("ticker: stopped")
        raise


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(1.2)
    task.cancel()
    print("all done")


asyncio.run(main())
