"""The demo every lesson of this folder names: valid, so that each report
is about the lesson file itself."""
import asyncio


async def main():
    print("hi")


asyncio.run(main())
