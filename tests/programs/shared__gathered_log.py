# covers: a list that gathered coroutines append to, read by its owner after the gather; a loop over it inside a coroutine
import asyncio


async def work(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    print(name, "sees", len(log), "entries")
    for entry in log:
        print("  ", entry)


async def main():
    log = []
    await asyncio.gather(work("slow", 0.3, log), work("fast", 0.1, log), work("mid", 0.2, log))
    print("log", log)


asyncio.run(main())
