# covers: import asyncio, async def, await, asyncio.run, asyncio.sleep with int, float, 0 and result=
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print(f"hello, {name}")


async def main():
    print("start")
    await asyncio.sleep(0)
    print("after sleep(0)")
    await greet("Ada", 1)
    await greet("Grace", 0.5)
    answer = await asyncio.sleep(2, result="x")
    print("sleep returned", answer)
    nothing = await asyncio.sleep(0.25)
    print("plain sleep returns", nothing)
    print("done")


asyncio.run(main())
