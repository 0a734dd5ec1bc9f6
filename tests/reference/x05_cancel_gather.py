import asyncio


async def child(name, d):
    try:
        print(f"{name} in")
        await asyncio.sleep(d)
        print(f"{name} out")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    return name


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn refuses")
        return "kept"


async def parent():
    rs = await asyncio.gather(child("c1", 3), child("c2", 4))
    print(f"parent never {rs}")


async def main2():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.sleep(0.5)
    print("after cancel")
    try:
        s = await asyncio.wait_for(stubborn(), timeout=1)
        print(f"stubborn gave {s}")
    except TimeoutError:
        print("timeout")
    l = asyncio.create_task(child("left", 10))
    await asyncio.sleep(1)
    print("main2 returns")


asyncio.run(main2())
