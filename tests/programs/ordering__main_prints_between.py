# covers: prints from main between awaits versus prints from background tasks, await asyncio.sleep ordering, task.done()
import asyncio


async def beeper(name, times, gap):
    for i in range(times):
        print(f"  {name} beep {i}")
        await asyncio.sleep(gap)


async def main():
    print("main: start")
    b1 = asyncio.create_task(beeper("b1", 3, 1))
    print("main: b1 created")
    await asyncio.sleep(0.5)
    print("main: at 0.5")
    b2 = asyncio.create_task(beeper("b2", 2, 1))
    await asyncio.sleep(1)
    print("main: at 1.5", b1.done(), b2.done())
    await b1
    print("main: b1 done,", "b2 done" if b2.done() else "b2 still running")
    await b2
    print("main: end")


asyncio.run(main())
