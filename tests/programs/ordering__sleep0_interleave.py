# covers: asyncio.sleep(0) interleaving, round-robin order of ready tasks, gather start order
import asyncio


async def chatter(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    await asyncio.gather(chatter("A", 3), chatter("B", 2), chatter("C", 4))
    print("all done")


asyncio.run(main())
