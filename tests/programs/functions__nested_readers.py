# covers: nested coroutines and functions that read the variables of the function around them (closures that only read), spawned, gathered and called
import asyncio


async def main(label, rounds):
    queue = asyncio.Queue()
    started = asyncio.Event()
    step = 0.5

    async def producer(n):
        started.set()
        for i in range(n):
            await asyncio.sleep(step)
            await queue.put(i * rounds)
            print(f"{label}: put {i * rounds}")

    async def consumer(count):
        await started.wait()
        total = 0
        for _ in range(count):
            item = await queue.get()
            total += item
            print(f"{label}: got {item}")
        return total

    async def pause(name, times):
        for i in range(times):
            await asyncio.sleep(step * 3)
            print(f"{label}: {name} paused {i + 1}/{times}")
        return name

    def describe(total):
        return f"{label} x{rounds}: {total}"

    p = asyncio.create_task(producer(4))
    total = await consumer(4)
    await p
    print(describe(total))
    names = await asyncio.gather(pause("slow", 2), pause("quick", 1))
    print(names, describe(len(names)))


asyncio.run(main("demo", 3))
