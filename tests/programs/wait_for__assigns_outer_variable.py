# covers: a variable bound before a try and assigned from asyncio.wait_for keeps the new value after the try; the same name bound in two try blocks
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} rows"


async def main():
    loop = asyncio.get_running_loop()
    rows = "cached rows"
    try:
        rows = await asyncio.wait_for(fetch("users", 1), 2)
    except TimeoutError:
        print("users timed out")
    print("after users:", rows, loop.time())
    try:
        rows = await asyncio.wait_for(fetch("orders", 5), 2)
    except TimeoutError:
        print("orders timed out")
    print("after orders:", rows, loop.time())
    try:
        fresh = await asyncio.wait_for(fetch("items", 1), 2)
        print("got", fresh)
    except TimeoutError:
        print("items timed out")
    try:
        fresh = await asyncio.wait_for(fetch("tags", 3), 2)
        print("got", fresh)
    except TimeoutError:
        print("tags timed out")


asyncio.run(main())
