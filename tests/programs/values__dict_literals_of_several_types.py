# covers: dict literals holding strings, integers, floats and booleans side by side, printed whole and item by item
import asyncio


async def main():
    config = {"name": "queue", "count": 7, "open": True, "load": 0.5}
    flags = {"retries": 3, "verbose": False}
    weights = {"b": 1, "c": 2.5, "a": True}
    print(config)
    print(flags, weights)
    print(config["name"], config["load"], flags["verbose"])
    await asyncio.sleep(0)


asyncio.run(main())
