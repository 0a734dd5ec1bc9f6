# covers: an async generator's finally that yields to the loop again and again while asyncio.run shuts down: its closing task runs one step a round, in the rounds the cancel, shutdown_asyncgens and shutdown_default_executor take, and is destroyed pending when the loop closes
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(1)
    finally:
        for k in range(1, 10):
            print("finally", k)
            await asyncio.sleep(0)


async def reader():
    async for n in ticker():
        print("got", n)
        if n == 1:
            await asyncio.sleep(100)


async def main():
    asyncio.create_task(reader())
    await asyncio.sleep(1.5)
    print("main ends")


asyncio.run(main())
print("after run")
