import asyncio
import time


def legacy_lookup(key):
    time.sleep(1)  # a blocking call: an old client library, a driver
    return key.upper()


async def serve(label):
    for n in range(1, 4):
        await asyncio.sleep(0)  # a request that needs no waiting
        print(f"{label}: served request {n}")


async def lookup_on_the_loop(key):
    value = legacy_lookup(key)  # the mistake: blocks the loop
    print(f"lookup {key} -> {value} (on the loop)")
    return value


async def lookup_in_a_thread(key):
    value = await asyncio.to_thread(legacy_lookup, key)
    print(f"lookup {key} -> {value} (in a thread)")
    return value


async def main():
    await asyncio.gather(serve("first"), lookup_on_the_loop("a"))
    _, value = await asyncio.gather(serve("then"), lookup_in_a_thread("b"))
    return value


value = asyncio.run(main())  # sync code calling async code
print(f"sync code got {value}")
