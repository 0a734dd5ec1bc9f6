# covers: asyncio.as_completed(timeout=) over coroutine calls of a comprehension: each runs as a task, which goes on past the deadline
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print("fetched", name)
    return name.upper()


async def main():
    pairs = [("x", 1), ("y", 3), ("z", 2)]
    names = [n + "!" for n, _ in pairs]
    print(names)
    for fut in asyncio.as_completed([fetch(n, s) for n, s in pairs], timeout=2):
        try:
            got = await fut
            print("got", got)
        except TimeoutError:
            print("late at", asyncio.get_running_loop().time())
    await asyncio.sleep(2)
    print("end")


asyncio.run(main())
