# ends: deadlock: worker(1) waits for Lock held by worker(2), which waits for Lock held by worker(1); every task is waiting
import asyncio


async def worker(n):
    mine, other = (a, b) if n == 1 else (b, a)
    async with mine:
        await asyncio.sleep(1)
        async with other:
            print(n, "never")


async def main():
    await asyncio.gather(worker(1), worker(2))


a = asyncio.Lock()
b = asyncio.Lock()
asyncio.run(main())
