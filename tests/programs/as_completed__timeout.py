# covers: asyncio.as_completed(timeout=): results as they finish, then TimeoutError for each one left when the deadline passes; the tasks left run on
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(fetch(n, s)) for n, s in [("a", 3), ("b", 1), ("c", 5)]]
    for next_done in asyncio.as_completed(tasks, timeout=4):
        try:
            print("got", await next_done, loop.time())
        except TimeoutError as e:
            print("timed out", repr(e), loop.time())
    print([t.done() for t in tasks])
    await asyncio.sleep(2)
    print([t.done() for t in tasks], loop.time())
    for next_done in asyncio.as_completed([fetch("d", 1)], timeout=1):
        try:
            print("got", await next_done)
        except TimeoutError:
            print("tie goes to the timeout", loop.time())


asyncio.run(main())
