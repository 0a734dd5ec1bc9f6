# covers: dict.pop with a default, setdefault of a value (new key and existing key), update from a dict literal and from another dict, order kept
import asyncio


async def load_limits():
    await asyncio.sleep(0.5)
    return {"cpu": 2, "memory": 512, "disk": 10}


async def main():
    limits = await load_limits()
    print(limits.pop("disk", 0), limits.pop("gpu", -1), limits)
    print(limits.setdefault("threads", 8), limits.setdefault("cpu", 99), limits)
    limits.update({"memory": 1024, "swap": 256})
    print(limits)
    extra = {"cpu": 4, "net": 100}
    limits.update(extra)
    limits.setdefault("io", 5)
    print(limits, len(limits))
    names = {"a": "ada"}
    print(names.setdefault("b", "bob"), names.pop("a", "none"), names.pop("z", "none"), names)
    first = limits.pop("cpu", 0)
    again = limits.pop("cpu", 0)
    print(first, again)


asyncio.run(main())
