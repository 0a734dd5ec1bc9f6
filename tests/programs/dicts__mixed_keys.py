# covers: dict displays whose keys are of several types, printed where they are made
import asyncio


async def main():
    await asyncio.sleep(0.5)
    print({1: "one", "two": "2", None: "none"})
    print({-1: "neg", (3,): True, False: 2.5, "k": [1, "a"]})
    print({0.5: "half", (1, "a"): "pair"}, {"": 1, 2: 0})


asyncio.run(main())
