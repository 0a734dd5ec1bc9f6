# refuse: `async def` at module level called without asyncio.run
import asyncio


async def main():
    print("never runs")


main()
