# refuse: syntax error: unclosed parenthesis
import asyncio


async def main():
    print("hello"


asyncio.run(main())
