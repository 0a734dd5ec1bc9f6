# covers: a class with __enter__/__exit__ entered with a plain `with` in a coroutine and in a
# plain function, `as` of `return self` and of another value, __exit__ seeing the exception
# and swallowing it
import asyncio


class Section:
    def __init__(self, title, lenient=False):
        self.title = title
        self.lenient = lenient

    def __enter__(self):
        print("begin", self.title)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            print("end", self.title)
            return False
        print("abandon", self.title, "on", type(exc).__name__, exc)
        return self.lenient

    def note(self, text):
        print(" ", self.title, "-", text)


class Banner:
    def __enter__(self):
        print("=" * 8)
        return "banner"

    def __exit__(self, exc_type, exc, tb):
        print("-" * 8)


async def check(n):
    await asyncio.sleep(0.5)
    if n > 2:
        raise ValueError(f"too many: {n}")
    return n * 10


def checked(n):
    with Section("sync", lenient=True) as s:
        if n > 2:
            raise ValueError(f"too big: {n}")
        s.note(f"fine {n}")
    return n


async def main():
    with Section("intro") as s:
        s.note("hello")
        s.note(f"checked {await check(1)}")
    with Section("draft", lenient=True) as s:
        s.note("first")
        await check(3)
        s.note("never")
    print("the draft's error was swallowed")
    try:
        with Section("final") as s:
            s.note(f"checked {await check(5)}")
    except ValueError as e:
        print("caught", e)
    with Banner() as b:
        print("inside the", b)
    print(checked(1), checked(4))


asyncio.run(main())
