# refuse: `nonlocal` at module level (a SyntaxError in CPython)
import asyncio

x = 1
nonlocal x


async def main():
    print(x)


asyncio.run(main())
