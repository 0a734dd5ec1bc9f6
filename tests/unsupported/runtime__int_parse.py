# error: ValueError: invalid literal for int() with base 10: 'twelve'
import asyncio


async def main():
    print(int("twelve"))


asyncio.run(main())
