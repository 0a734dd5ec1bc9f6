# refuse: compile
import asyncio


async def main():
    code = compile("1 + 1", "<s>", "eval")
    print(code)


asyncio.run(main())
