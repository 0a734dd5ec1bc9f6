# covers: loop.time(), asyncio.get_running_loop(), virtual clock advancing by sleeps, float accumulation of sleep times
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("start", loop.time())
    await asyncio.sleep(1)
    print("after 1", loop.time())
    await asyncio.sleep(0.25)
    print("after 0.25", loop.time())
    await asyncio.sleep(0)
    print("after 0", loop.time())
    for _ in range(3):
        await asyncio.sleep(0.1)
    print("after 3 x 0.1", loop.time(), round(loop.time(), 2))
    deadline = loop.time() + 2
    while loop.time() < deadline:
        await asyncio.sleep(0.5)
        print(f"  t={loop.time():.2f}, {deadline - loop.time():.2f}s left")
    print("elapsed", loop.time())


asyncio.run(main())
