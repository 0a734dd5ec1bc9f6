# A plain `def main()` that runs the loop itself, as older programs do:
# get_event_loop() outside a running loop, gather() made before the loop
# runs, run_until_complete, close.
import asyncio


async def hello(n):
    await asyncio.sleep(n)
    print("hello", n)
    return n


def main():
    loop = asyncio.get_event_loop()
    results = loop.run_until_complete(asyncio.gather(hello(1), hello(2)))
    print(results, loop.time())
    loop.close()


if __name__ == "__main__":
    main()
