# covers: nested asyncio.gather (gather of gathers), nested coroutine awaits, list flattening of results
import asyncio


async def leaf(name, seconds):
    await asyncio.sleep(seconds)
    print("leaf", name)
    return name


async def branch(prefix, n):
    names = await asyncio.gather(*(leaf(f"{prefix}{i}", (n - i) * 0.5) for i in range(n)))
    print("branch", prefix, "done")
    return names


async def main():
    groups = await asyncio.gather(branch("x", 2), branch("y", 3))
    print(groups)
    print([name for group in groups for name in group])


asyncio.run(main())
