# covers: asyncio.wait with ALL_COMPLETED, FIRST_COMPLETED and FIRST_EXCEPTION; (done, pending) sets sorted by task name; several finishing at the same instant land in done together
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    print(name, "ends at", asyncio.get_running_loop().time())
    if fail:
        raise RuntimeError(name + " failed")
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, s), name=n) for n, s in [("a", 1), ("b", 2), ("c", 2)]]
    done, pending = await asyncio.wait(tasks)
    print("all:", names(done), names(pending), loop.time())

    tasks = [asyncio.create_task(job(n, s), name=n) for n, s in [("d", 3), ("e", 1), ("f", 1)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", names(done), names(pending), loop.time())
    print("results:", sorted(t.result() for t in done))
    done, pending = await asyncio.wait(pending)
    print("rest:", names(done), names(pending), loop.time())

    tasks = [
        asyncio.create_task(job("g", 1), name="g"),
        asyncio.create_task(job("h", 2, fail=True), name="h"),
        asyncio.create_task(job("i", 3), name="i"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), names(pending), loop.time())
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print("cancelled:", [t.cancelled() for t in done], loop.time())

    tasks = [asyncio.create_task(job("j", 1), name="j")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception waits for all:", names(done), names(pending), loop.time())


asyncio.run(main())
