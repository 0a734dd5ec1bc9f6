# covers: gather raising at the same instant a sibling finishes (the sibling's print comes first because its timer was created first), main handling the error
import asyncio


async def ok(name):
    await asyncio.sleep(1)
    print(name, "ok at 1")


async def bad():
    await asyncio.sleep(1)
    print("bad about to raise at 1")
    raise ValueError("bad")


async def later():
    await asyncio.sleep(1)
    print("later finished at 1 too")


async def main():
    try:
        await asyncio.gather(ok("first"), bad(), later())
    except ValueError as e:
        print("main caught", e)
    await asyncio.sleep(0)
    print("main after sleep(0)")


asyncio.run(main())
