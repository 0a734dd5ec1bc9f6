# refuse: `continue` outside a loop
import asyncio


async def main():
    continue


asyncio.run(main())
