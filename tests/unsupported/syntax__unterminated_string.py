# refuse: syntax error: unterminated string literal
import asyncio


async def main():
    print("hello)


asyncio.run(main())
