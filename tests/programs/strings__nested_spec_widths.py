# covers: f-string format specs whose width or precision is a nested field ({x:<{w}}, {v:.{places}f}, {x:^{w + 4}})
import asyncio


async def measure(name, seconds):
    await asyncio.sleep(seconds)
    return seconds * 1.37 + len(name)


async def main():
    names = ["cpu", "memory", "disk"]
    results = []
    for i, name in enumerate(names):
        results.append(await measure(name, i + 1))
    w = max(len(name) for name in names)
    places = 2
    print(f"{'name':<{w}} | {'value':>{places + 6}}")
    for name, value in zip(names, results):
        print(f"{name:<{w}} | {value:>{places + 6}.{places}f}")
    print(f"[{'done':^{w + 4}}] [{3.14159:.{places}f}] [{7:{5}}]")


asyncio.run(main())
