# covers: main returning while a task still runs (asyncio.run cancels it), cleanup in finally printing after main returns, code after asyncio.run
import asyncio


async def background(name, period):
    try:
        while True:
            await asyncio.sleep(period)
            print(name, "heartbeat")
    finally:
        print(name, "stopped")


async def short_job():
    await asyncio.sleep(0.5)
    print("short job finished on its own")


async def main():
    asyncio.create_task(background("monitor", 1))
    asyncio.create_task(short_job())
    await asyncio.sleep(3.2)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
