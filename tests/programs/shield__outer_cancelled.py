# covers: asyncio.shield: the outer await cancelled while the inner task runs on to its result; the shielded task's exception reaches an awaiter; shield of a finished task gives it back
import asyncio


async def save(name, seconds):
    print(name, "saving")
    await asyncio.sleep(seconds)
    print(name, "saved")
    return name + " ok"


async def broken():
    await asyncio.sleep(0.5)
    raise ValueError("disk full")


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller cancelled; inner done?", inner.done())
        raise


async def main():
    inner = asyncio.create_task(save("report", 2))
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner cancelled:", inner.cancelled())
    print("inner result:", await inner)

    fut = asyncio.shield(broken())
    try:
        await fut
    except ValueError as e:
        print("shielded error:", e)

    done = asyncio.create_task(save("quick", 0))
    await asyncio.sleep(0.1)
    print("same task back:", asyncio.shield(done) is done)

    inner = asyncio.create_task(save("slow", 1))
    shielded = asyncio.shield(inner)
    inner.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("inner cancelled cancels the shield:", shielded.cancelled())


asyncio.run(main())
