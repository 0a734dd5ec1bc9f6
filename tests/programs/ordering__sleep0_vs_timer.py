# covers: asyncio.sleep(0) never waits for timers, a task looping on sleep(0) runs many steps before a zero-delay timer fires
import asyncio


async def spinner(count):
    for i in range(count):
        print("spin", i)
        await asyncio.sleep(0)


async def tiny_sleeper():
    await asyncio.sleep(0.001)
    print("tiny sleeper woke at", asyncio.get_running_loop().time())


async def main():
    await asyncio.gather(tiny_sleeper(), spinner(4))
    print("done")


asyncio.run(main())
