# A Future's states and the errors of reading or setting it in the wrong one.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done(), fut.cancelled())
    for read in (fut.result, fut.exception):
        try:
            read()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    fut.set_result([1, 2])
    print(fut, fut.result(), fut.exception())
    for args in ((fut.set_result, 3), (fut.set_exception, ValueError("v"))):
        try:
            args[0](args[1])
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    print("cancel a done future:", fut.cancel())

    bad = loop.create_future()
    bad.set_exception(KeyError("k"))
    print(bad)
    print(repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("result raised", repr(e))

    gone = loop.create_future()
    print("cancel:", gone.cancel("no longer needed"), gone.cancelled(), gone)
    try:
        gone.result()
    except asyncio.CancelledError as e:
        print("CancelledError:", e.args)
    try:
        gone.exception()
    except asyncio.CancelledError as e:
        print("exception() raised CancelledError:", e.args)

    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

    waiter = loop.create_future()
    loop.call_later(1, waiter.set_result, "late value")
    print(await waiter, loop.time())


asyncio.run(main())
