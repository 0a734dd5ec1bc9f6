# covers: a dict holding integers beside floats, each value kept as Python wrote it, passed to a coroutine that sleeps for it and returns it
import asyncio


async def nap(label, seconds):
    await asyncio.sleep(seconds)
    print(label, "slept", seconds)
    return seconds


async def main():
    waits = {"short": 1, "half": 0.5}
    waits["long"] = 2
    for label in waits:
        got = await nap(label, waits[label])
        print(f"got {got}", repr(got), str(got))
    await nap("plain", 3)
    await nap("brief", 0.25)
    print(waits)
    print(list(waits.values()))


asyncio.run(main())
