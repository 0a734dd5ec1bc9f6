# covers: class __enter__/__exit__, with statement, with ... as, exception passing through __exit__, __exit__ returning True
import asyncio


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print("enter", self.label)
        self.start = asyncio.get_running_loop().time()
        return self

    def __exit__(self, exc_type, exc, tb):
        elapsed = asyncio.get_running_loop().time() - self.start
        name = exc_type.__name__ if exc_type else None
        print(f"exit {self.label} after {elapsed}s, exception: {name}")
        return False


class Suppress:
    def __enter__(self):
        return "suppressor"

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("suppressed", repr(exc))
        return True


async def main():
    with Timer("download") as t:
        await asyncio.sleep(1.5)
        print("inside", t.label)
    try:
        with Timer("failing"):
            await asyncio.sleep(0.5)
            raise ValueError("disk full")
    except ValueError as e:
        print("caught", e)
    with Suppress() as s:
        print("got", s)
        {}["missing"]
    print("after suppress")
    with Timer("outer"), Timer("inner"):
        await asyncio.sleep(1)


asyncio.run(main())
