# error: AssertionError: balance went negative
import asyncio


async def main():
    balance = -5
    assert balance >= 0, "balance went negative"


asyncio.run(main())
