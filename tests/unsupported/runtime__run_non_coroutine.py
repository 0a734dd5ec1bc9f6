# error: ValueError: a coroutine was expected, got 1
import asyncio

asyncio.run(1)
