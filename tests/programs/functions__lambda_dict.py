# covers: a dict of lambdas kept in a variable, called by key, iterated, measured and asked `in`
import asyncio


async def main():
    ops = {
        "add": lambda a, b: a + b,
        "mul": lambda a, b: a * b,
        "max": lambda a, b: a if a > b else b,
    }
    await asyncio.sleep(0.1)
    for name in ops:
        print(name, ops[name](6, 7))
    print(len(ops), "pow" in ops, "mul" not in ops)
    scale = {"half": lambda x: x * 0.5, "neg": lambda x: -x}
    for key in ["half", "neg"]:
        print(key, scale[key](3.0))


asyncio.run(main())
