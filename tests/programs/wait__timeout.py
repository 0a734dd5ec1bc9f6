# covers: asyncio.wait(timeout=) returning what is pending without raising; a timeout at the same instant as a task's end; tasks already done; wait's errors (empty, a coroutine, a bad return_when)
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(job("a", 1), name="a")
    b = asyncio.create_task(job("b", 5), name="b")
    done, pending = await asyncio.wait([a, b], timeout=2)
    print([t.get_name() for t in done], [t.get_name() for t in pending], loop.time())

    c = asyncio.create_task(job("c", 1), name="c")
    done, pending = await asyncio.wait([b, c], timeout=1)
    print("tie:", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending), loop.time())

    done, pending = await asyncio.wait([a, c])
    print("already done:", len(done), len(pending), loop.time())

    done, pending = await asyncio.wait([b], timeout=0)
    print("timeout 0:", len(done), len(pending), loop.time())

    for args in ([], [job("x", 1)], [b]):
        try:
            if args and args[0] is b:
                await asyncio.wait(args, return_when="SOMETIMES")
            else:
                await asyncio.wait(args)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    b.cancel()
    print("end", loop.time())


asyncio.run(main())
