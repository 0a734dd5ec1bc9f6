# covers: asyncio.wait_for of a coroutine awaited inside expressions: a print's argument, an operand, an f-string's field
import asyncio


async def lookup(name, seconds):
    await asyncio.sleep(seconds)
    return name.upper()


async def double(n):
    await asyncio.sleep(0.5)
    return n * 2


async def main():
    print("got", await asyncio.wait_for(lookup("dns", 1), timeout=2))
    total = 1 + await asyncio.wait_for(double(20), 1)
    print("total", total)
    print(f"{await asyncio.wait_for(lookup('cache', 0.25), timeout=5)} in time")


asyncio.run(main())
