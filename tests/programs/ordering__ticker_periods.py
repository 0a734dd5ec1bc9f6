# covers: two tickers with different periods, ties at shared instants follow timer creation order, ordering across tasks
import asyncio


async def ticker(name, period, count):
    for i in range(1, count + 1):
        await asyncio.sleep(period)
        print(f"{name} tick {i}")


async def main():
    fast = asyncio.create_task(ticker("fast", 0.5, 6))
    slow = asyncio.create_task(ticker("slow", 1, 3))
    await fast
    await slow
    print("both finished")


asyncio.run(main())
