# covers: an error in the body itself joins the group's errors; a BaseException subclass makes a BaseExceptionGroup; ExceptionGroup built and raised by hand
import asyncio


class Shutdown(BaseException):
    pass


async def worker(name):
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def stopper():
    await asyncio.sleep(1)
    raise Shutdown("stop now")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w1"))
            await asyncio.sleep(0.5)
            raise ValueError("body failed")
    except ExceptionGroup as eg:
        print(f"{type(eg).__name__}: {eg!r}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w2"))
            tg.create_task(stopper())
    except ExceptionGroup:
        print("not an ExceptionGroup")
    except BaseExceptionGroup as beg:
        print(f"{type(beg).__name__}: {beg}")
        print(isinstance(beg, Exception), [type(e).__name__ for e in beg.exceptions])

    try:
        raise ExceptionGroup("by hand", [KeyError("k"), TypeError("t")])
    except Exception as e:
        print(f"{e} / {e.args!r}")
    g = BaseExceptionGroup("picks its class", [ValueError(1)])
    print(type(g).__name__, issubclass(ExceptionGroup, BaseExceptionGroup))
    for bad in (("m", []), (1, [ValueError()]), ("m", [KeyboardInterrupt()])):
        try:
            ExceptionGroup(*bad)
        except (TypeError, ValueError) as e:
            print(f"{type(e).__name__}: {e}")


asyncio.run(main())
