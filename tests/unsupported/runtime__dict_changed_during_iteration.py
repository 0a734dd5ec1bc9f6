# error: RuntimeError: dictionary changed size during iteration
import asyncio


async def main():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k + "!"] = 0


asyncio.run(main())
