# refuse: `break` outside a loop
import asyncio


async def main():
    if True:
        break


asyncio.run(main())
