# covers: the program's own exception classes in a hierarchy (an `except` of the base takes a subclass; a subclass without `__init__` runs its base's), `super().__init__(text)` with a field, `try ... except ... else`, `return await asyncio.wait_for(...)` inside `try`
import asyncio


class StoreError(Exception):
    pass


class NotFound(StoreError):
    def __init__(self, key, shelf):
        super().__init__(f"{key} is not on shelf {shelf}")
        self.key = key


class Gone(NotFound):
    pass


class Busy(StoreError):
    pass


async def lookup(key):
    await asyncio.sleep(0.5)
    if key == "pear":
        raise NotFound(key, 3)
    if key == "plum":
        raise Gone(key, 7)
    if key == "fig":
        raise Busy("try again later")
    return len(key)


async def slow(seconds):
    await asyncio.sleep(seconds)
    return seconds * 10


async def within(seconds, limit):
    try:
        return await asyncio.wait_for(slow(seconds), timeout=limit)
    except asyncio.TimeoutError:
        print(f"{seconds}s is over the limit of {limit}s")
        return -1


async def main():
    for key in ["apple", "pear", "plum", "fig"]:
        try:
            size = await lookup(key)
        except NotFound as e:
            print("not found:", e, "|", type(e).__name__, repr(e))
        except StoreError as e:
            print("store error:", e, "|", type(e).__name__)
        else:
            print("found", key, size)
    print(await within(1, 2), await within(3, 2))
    await lookup("fig")


asyncio.run(main())
