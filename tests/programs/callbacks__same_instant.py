# Timer callbacks and task wake-ups due at the same instant, call_soon from
# inside a callback, a TimerHandle cancelled before it fires.
import asyncio


async def sleeper(name, delay):
    print(f"{name} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"{name} wakes")


def tick(label):
    print(f"tick {label}")


def chain(n):
    print(f"chain {n}")
    if n < 3:
        asyncio.get_running_loop().call_soon(chain, n + 1)


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(sleeper("a", 1))
    await asyncio.sleep(0)
    loop.call_later(1, tick, "after the task's sleep")
    loop.call_at(loop.time() + 1, tick, "call_at")
    dropped = loop.call_later(0.5, tick, "cancelled")
    loop.call_soon(chain, 1)
    loop.call_soon(tick, "soon")
    print("cancel:", dropped.cancel(), dropped.cancelled())
    await task
    print("main resumes at", loop.time())
    loop.call_later(1, tick, "before the sleep")
    await asyncio.sleep(1)
    print("main wakes")


asyncio.run(main())
