import asyncio


async def numbers(count):
    for n in range(1, count + 1):
        await asyncio.sleep(0.5)
        print(f"produced {n}")
        yield n


async def main():
    everything = [n async for n in numbers(5)]
    print(f"everything = {everything}")
    squares = [n * n async for n in numbers(5) if n % 2 == 0]
    print(f"even squares = {squares}")


asyncio.run(main())
