# covers: producer/consumer hand-off with futures, ordering of producer and consumer prints, while loop, list used as a buffer
import asyncio


async def producer(buffer, signals, count):
    for i in range(count):
        await asyncio.sleep(0.5)
        buffer.append(f"item{i}")
        print("produced", i, "buffer", buffer)
        if signals:
            signals.pop(0).set_result(None)


async def consumer(buffer, signals, count):
    loop = asyncio.get_running_loop()
    handled = 0
    while handled < count:
        if not buffer:
            fut = loop.create_future()
            signals.append(fut)
            print("consumer waiting")
            await fut
        item = buffer.pop(0)
        print("consumed", item)
        handled += 1
        await asyncio.sleep(0.75)


async def main():
    buffer, signals = [], []
    await asyncio.gather(producer(buffer, signals, 4), consumer(buffer, signals, 4))
    print("left over", buffer)


asyncio.run(main())
