# error: AttributeError: 'int' object has no attribute 'foo'
import asyncio


async def main():
    n = 5
    n.foo()


asyncio.run(main())
